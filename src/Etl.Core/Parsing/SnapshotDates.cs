using System.Globalization;

namespace Etl.Core.Parsing;

/// <summary>The snapshot's own shapes of dates, times and version names, read strictly.</summary>
public static class SnapshotDates
{
    private static readonly string[] Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary><c>update_date</c>: <c>YYYY-MM-DD</c>, a calendar date.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary><c>v1</c>, <c>v12</c>: <c>v</c> and a number ≥ 1 without leading zeros.</summary>
    public static bool TryParseVersion(string? text, out int version)
    {
        version = 0;
        return text is ['v', >= '1' and <= '9', ..] && text.Length <= 6
            && int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }

    /// <summary>
    /// <c>created</c>: <c>Ddd, D Mon YYYY HH:MM:SS GMT</c>, the day of the month not zero-padded
    /// (<c>Mon, 2 Apr 2007 19:18:42 GMT</c>) and the day of the week the date's own.
    /// </summary>
    public static bool TryParseCreated(string? text, out DateTime utc)
    {
        utc = default;
        if (text is null)
        {
            return false;
        }

        Span<Range> parts = stackalloc Range[7];
        var span = text.AsSpan();
        if (span.Split(parts, ' ') != 6 || span[parts[0]] is not [_, _, _, ','] || !span[parts[5]].SequenceEqual("GMT"))
        {
            return false;
        }

        var weekday = Array.IndexOf(Days, span[parts[0]][..3].ToString());
        var dayText = span[parts[1]];
        var month = Array.IndexOf(Months, span[parts[2]].ToString()) + 1;
        var time = span[parts[4]];
        if (weekday < 0 || month < 1 || dayText is not [>= '1' and <= '9'] and not [>= '1' and <= '3', >= '0' and <= '9']
            || span[parts[3]].Length != 4 || !int.TryParse(span[parts[3]], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1
            || time is not [_, _, ':', _, _, ':', _, _]
            || !int.TryParse(time[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour > 23
            || !int.TryParse(time[3..5], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || minute > 59
            || !int.TryParse(time[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var second) || second > 59)
        {
            return false;
        }

        var day = int.Parse(dayText, NumberStyles.None, CultureInfo.InvariantCulture);
        if (day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        utc = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        return (int)utc.DayOfWeek == weekday;
    }

    /// <summary>The snapshot's form of a time, for the export: <c>Mon, 2 Apr 2007 19:18:42 GMT</c>.</summary>
    public static string FormatCreated(DateTime utc) =>
        $"{Days[(int)utc.DayOfWeek]}, {utc.Day.ToString(CultureInfo.InvariantCulture)} {Months[utc.Month - 1]} {utc.ToString("yyyy HH:mm:ss", CultureInfo.InvariantCulture)} GMT";
}
