using System.Net;
using System.Text.RegularExpressions;

namespace Etl.Core.Normalization;

/// <summary>
/// Compact digests are scraped from arXiv's HTML listings. Their texts keep a little markup:
/// links become their URL, <c>&lt;br&gt;</c> becomes a space, and entities are decoded.
/// Applied to compact texts only, before <see cref="TextNormalizer"/>.
/// </summary>
public static partial class HtmlText
{
    public static string? ToPlainText(string? html)
    {
        if (html is null || (!html.Contains('<', StringComparison.Ordinal) && !html.Contains('&', StringComparison.Ordinal)))
        {
            return html;
        }

        var text = Anchor().Replace(html, m => m.Groups["url"].Value);
        text = LineBreak().Replace(text, " ");
        return WebUtility.HtmlDecode(text);
    }

    [GeneratedRegex("""<a\s[^>]*?\bhref\s*=\s*(?:"(?<url>[^"]*)"|'(?<url>[^']*)')[^>]*>.*?</a\s*>""", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();
}
