using System.Text.RegularExpressions;

namespace Etl.Core.Parsing;

/// <summary>arXiv identifiers and category codes as the data contract defines them.</summary>
public static partial class ArxivIds
{
    /// <summary>New style <c>2009.14721</c>, or old style <c>cs/9810003</c>, <c>math.AG/0601001</c>.</summary>
    public static bool IsValidId(ReadOnlySpan<char> id) => NewStyleId().IsMatch(id) || OldStyleId().IsMatch(id);

    /// <summary>An arXiv category such as <c>cs.CV</c>, <c>hep-th</c>, <c>cond-mat.dis-nn</c>; not ACM or MSC codes.</summary>
    public static bool IsCategory(ReadOnlySpan<char> token) => Category().IsMatch(token);

    /// <summary>Parses <c>http(s)://arxiv.org/abs/{id}v{n}</c>.</summary>
    public static bool TryParseAbsUrl(string url, out string id, out int version)
    {
        id = string.Empty;
        version = 0;
        var match = AbsUrl().Match(url);
        if (!match.Success || !IsValidId(match.Groups["id"].ValueSpan)
            || !int.TryParse(match.Groups["v"].ValueSpan, out version) || version < 1)
        {
            return false;
        }

        id = match.Groups["id"].Value;
        return true;
    }

    /// <summary>Parses <c>http(s)://arxiv.org/pdf/{id}[vN][.pdf]</c>; compact entries carry no version, so N is ignored.</summary>
    public static bool TryParsePdfUrl(string url, out string id)
    {
        id = string.Empty;
        var match = PdfUrl().Match(url);
        if (!match.Success || !IsValidId(match.Groups["id"].ValueSpan))
        {
            return false;
        }

        id = match.Groups["id"].Value;
        return true;
    }

    [GeneratedRegex(@"^\d{4}\.\d{4,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex NewStyleId();

    [GeneratedRegex(@"^[a-z][a-z-]*(\.[A-Za-z]{2})?/\d{7}$", RegexOptions.CultureInvariant)]
    private static partial Regex OldStyleId();

    [GeneratedRegex(@"^[a-z][a-z-]*(\.[A-Za-z][A-Za-z-]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Category();

    [GeneratedRegex(@"^https?://arxiv\.org/abs/(?<id>\S+?)v(?<v>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex AbsUrl();

    [GeneratedRegex(@"^https?://arxiv\.org/pdf/(?<id>\S+?)(?:v\d+)?(?:\.pdf)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PdfUrl();
}
