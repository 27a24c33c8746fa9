using System.Globalization;

namespace Etl.Core.Parsing;

/// <summary>Digest timestamps such as <c>2020-09-30 00:13:49+00:00</c>, returned in UTC.</summary>
public static class Timestamps
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (text is null)
        {
            return false;
        }

        // Nearly every digest writes exactly this shape in UTC; reading it directly is several times
        // faster than the general parser, which stays as the fallback for every other accepted shape.
        if (TryParseUtcFast(text, out utc))
        {
            return true;
        }

        if (!DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return false;
        }

        utc = value.UtcDateTime;
        return true;
    }

    /// <summary><c>yyyy-MM-dd HH:mm:ss+00:00</c> exactly; anything else is left to the general parser.</summary>
    private static bool TryParseUtcFast(ReadOnlySpan<char> text, out DateTime utc)
    {
        utc = default;
        if (text.Length != 25 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':' || !text[19..].SequenceEqual("+00:00"))
        {
            return false;
        }

        if (!Digits(text[..4], out var year) || !Digits(text[5..7], out var month) || !Digits(text[8..10], out var day)
            || !Digits(text[11..13], out var hour) || !Digits(text[14..16], out var minute) || !Digits(text[17..19], out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        utc = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
