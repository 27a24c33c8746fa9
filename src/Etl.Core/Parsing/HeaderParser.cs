using System.Globalization;
using System.Text.RegularExpressions;
using Etl.Core.Model;

namespace Etl.Core.Parsing;

/// <summary>Line 1 decides the format: detailed, compact, or not a digest.</summary>
public static partial class HeaderParser
{
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
        var detailed = Detailed().Match(line);
        if (detailed.Success)
        {
            if (!DateOnly.TryParseExact(detailed.Groups["date"].ValueSpan, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                reason = $"line 1: not a digest: '{detailed.Groups["date"].Value}' is not a calendar date (YYYY-MM-DD)";
                return false;
            }

            return Build(DigestFormat.Detailed, detailed.Groups["category"].Value, date, out header, out reason);
        }

        var compact = Compact().Match(line);
        if (compact.Success)
        {
            if (!DateOnly.TryParseExact(compact.Groups["date"].ValueSpan, "d MMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                reason = $"line 1: not a digest: '{compact.Groups["date"].Value}' is not a calendar date (D Mon YYYY)";
                return false;
            }

            return Build(DigestFormat.Compact, compact.Groups["category"].Value, date, out header, out reason);
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
