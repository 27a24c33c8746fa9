using System.Text;
using System.Text.RegularExpressions;
using Etl.Core.Model;
using Etl.Core.Normalization;

namespace Etl.Core.Parsing;

/// <summary>
/// Compact entries: <c>### {n}.{title}  [ :arrow_down: ](https://arxiv.org/pdf/{id}.pdf)</c>, then the lines
/// starting with <c>&gt;</c> form the abstract. No authors, no version; the category is the digest's.
/// Texts come from HTML listings, so links, <c>&lt;br&gt;</c> and entities are turned into plain text first.
/// </summary>
internal static partial class CompactEntryParser
{
    public static EntryResult Parse(EntryBlock block, DigestHeader header)
    {
        var heading = Heading().Match(block.Heading.ToString());
        if (!heading.Success)
        {
            return EntryResult.Reject(block.HeadingLine, "compact entry heading is not '### {n}.{title}  [ :arrow_down: ](https://arxiv.org/pdf/{id}.pdf)'");
        }

        var url = heading.Groups["url"].Value;
        if (!ArxivIds.TryParsePdfUrl(url, out var arxivId))
        {
            return EntryResult.Reject(block.HeadingLine, $"compact entry link '{url}' is not https://arxiv.org/pdf/{{id}}[vN][.pdf] with a valid arXiv id");
        }

        // The quoted lines joined by one space, each without the spaces around it (normalization would
        // collapse them anyway), so a plain ASCII abstract is already normal.
        var summary = new StringBuilder();
        foreach (var (_, text) in block.Body)
        {
            if (text.Span.StartsWith('>'))
            {
                summary.Append(summary.Length > 0 ? " " : string.Empty).Append(text.Span[1..].Trim(' '));
            }
        }

        var repairs = 0;
        var entry = new DigestEntry
        {
            Line = block.HeadingLine,
            Format = DigestFormat.Compact,
            ArxivId = arxivId,
            Title = TextNormalizer.Normalize(HtmlText.ToPlainText(heading.Groups["title"].Value), ref repairs),
            Abstract = TextNormalizer.Normalize(HtmlText.ToPlainText(summary.ToString()), ref repairs),
            Categories = [header.Category!],
        };
        return EntryResult.Accept(entry, repairs);
    }

    [GeneratedRegex(@"^\s*\d+\.(?<title>.*?)\s*\[\s*:arrow_down:\s*\]\(\s*(?<url>[^)\s]*)\s*\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();
}
