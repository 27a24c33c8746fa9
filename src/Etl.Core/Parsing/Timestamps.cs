using System.Globalization;

namespace Etl.Core.Parsing;

/// <summary>Digest timestamps such as <c>2020-09-30 00:13:49+00:00</c>, returned in UTC.</summary>
public static class Timestamps
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (text is null
            || !DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return false;
        }

        utc = value.UtcDateTime;
        return true;
    }
}
