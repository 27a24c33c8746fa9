using System.CommandLine;
using System.Globalization;

namespace Etl.Cli.Commands;

/// <summary>
/// <c>--since D</c>: a day (<c>2024-01-31</c>, from its start in UTC) or an instant (<c>2024-01-31T12:00:00Z</c>,
/// or with an offset; without one it is read as UTC, the warehouse's time zone).
/// </summary>
internal static class SinceOption
{
    private static readonly string[] Days = ["yyyy-MM-dd"];

    public static Option<DateTimeOffset?> Create(string description) =>
        new("--since")
        {
            Description = description,
            HelpName = "DATE",
            CustomParser = result =>
            {
                var text = result.Tokens[^1].Value;
                if (DateTimeOffset.TryParseExact(text, Days, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var day))
                {
                    return day;
                }

                if (text.Contains('T', StringComparison.Ordinal)
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                {
                    return instant;
                }

                result.AddError($"--since must be a day (2024-01-31, from its start in UTC) or an instant (2024-01-31T12:00:00Z), not '{text}'");
                return null;
            },
        };
}
