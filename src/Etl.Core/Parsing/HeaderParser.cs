using System.Globalization;
using System.Text.RegularExpressions;
using Etl.Core.Model;

namespace Etl.Core.Parsing;

/// <summary>Line 1 decides the format: detailed, compact, or not a digest.</summary>
public static partial class HeaderParser
{
    private static readonly (Regex Pattern, DigestFormat Format, string DateFormat, string DateShape)[] Formats =
    [
        (Detailed(), DigestFormat.Detailed, "yyyy-MM-dd", "YYYY-MM-DD"),
        (Compact(), DigestFormat.Compact, "d MMM yyyy", "D Mon YYYY"),
    ];

    private const string Expected = "expected '# Arxiv Papers in {category} on {YYYY-MM-DD}' (detailed) or '# ArXiv {category} --{Ddd}, {D} {Mon} {YYYY}' (compact)";

    public static bool TryParse(string? line, out DigestHeader header, out string reason)
    {
        header = null!;
        reason = string.Empty;
        if (string.IsNullOrWhiteSpace(line))
        {
            reason = $"line 1: not a digest: the first line is empty; {Expected}";
            return false;
        }

        line = line.Trim();
        foreach (var (pattern, format, dateFormat, dateShape) in Formats)
        {
            var match = pattern.Match(line);
            if (!match.Success)
            {
                continue;
            }

            if (!DateOnly.TryParseExact(match.Groups["date"].ValueSpan, dateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                reason = $"line 1: not a digest: '{match.Groups["date"].Value}' is not a calendar date ({dateShape})";
                return false;
            }

            return Build(format, match.Groups["category"].Value, date, out header, out reason);
        }

        reason = $"line 1: not a digest: found '{Shorten(line)}'; {Expected}";
        return false;
    }

    private static bool Build(DigestFormat format, string category, DateOnly date, out DigestHeader header, out string reason)
    {
        header = new DigestHeader(format, category, date);
        reason = string.Empty;
        if (ArxivIds.IsCategory(category))
        {
            return true;
        }

        reason = $"line 1: not a digest: '{Shorten(category)}' is not an arXiv category code such as cs.CV";
        return false;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");

    [GeneratedRegex(@"^#\s+Arxiv\s+Papers\s+in\s+(?<category>\S+)\s+on\s+(?<date>\d{4}-\d{2}-\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Detailed();

    [GeneratedRegex(@"^#\s+ArXiv\s+(?<category>\S+)\s+--\s*[A-Za-z]{3},\s+(?<date>\d{1,2}\s+[A-Za-z]{3}\s+\d{4})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Compact();
}
