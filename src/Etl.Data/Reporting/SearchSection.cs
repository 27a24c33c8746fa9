using System.Globalization;
using System.Net;
using System.Text;

namespace Etl.Data.Reporting;

/// <summary>
/// The search box of the report page and its results (pure: HTML from values). Served by <c>etl serve</c>,
/// the form asks the service (<c>GET /reports?q=…</c>), which answers server-side with
/// <c>report.search_papers</c>; in the file <c>etl report --html</c> writes, nothing could answer it, so
/// the box is disabled and says that search needs the service.
/// </summary>
public static class SearchSection
{
    /// <summary>What the page shows about search.</summary>
    /// <param name="Served">The page comes from the service, which can answer the form.</param>
    /// <param name="Request">The search asked for, when one was.</param>
    /// <param name="Hits">Its results.</param>
    /// <param name="Problem">Why the search could not run (a malformed date), said instead of results.</param>
    public sealed record State(bool Served, SearchRequest? Request = null, IReadOnlyList<SearchHit>? Hits = null, string? Problem = null);

    public static void Render(StringBuilder page, State state)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(state);
        var request = state.Request;
        var disabled = state.Served ? string.Empty : " disabled";
        page.Append("<section id=\"search\"><h2>Search</h2>");
        page.Append("<form method=\"get\" action=\"/reports\" role=\"search\">");
        page.Append(CultureInfo.InvariantCulture, $"<input type=\"search\" name=\"q\" size=\"40\" placeholder=\"words, &quot;a phrase&quot;, -word, an author\" value=\"{Attribute(request?.Query)}\"{disabled}> ");
        page.Append(CultureInfo.InvariantCulture, $"<input name=\"category\" size=\"8\" placeholder=\"cs.CV\" value=\"{Attribute(request?.Category)}\"{disabled}> ");
        page.Append(CultureInfo.InvariantCulture, $"<label>from <input type=\"date\" name=\"since\" value=\"{Attribute(Day(request?.Since))}\"{disabled}></label> ");
        page.Append(CultureInfo.InvariantCulture, $"<label>to <input type=\"date\" name=\"until\" value=\"{Attribute(Day(request?.Until))}\"{disabled}></label> ");
        page.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\"{disabled}>Search</button></form>");
        if (!state.Served)
        {
            page.Append("<p class=\"note\" id=\"search-needs-service\">Search needs the service: this file has no server to ask. Run <code>etl serve</code> and open <code>/reports</code> there, or call <code>report.search_papers</code> in SQL, or run <code>etl search</code>.</p>");
        }
        else if (state.Problem is not null)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p class=\"note\" id=\"search-problem\">{WebUtility.HtmlEncode(state.Problem)}</p>");
        }
        else if (request is not null && state.Hits is { } hits)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p class=\"note\" id=\"search-count\">{(hits.Count == 0 ? "No paper matches" : hits.Count == 1 ? "1 paper" : $"{hits.Count} papers")} for <q>{WebUtility.HtmlEncode(request.Query)}</q>{(hits.Count == request.MaxRows ? $" (the best {request.MaxRows})" : string.Empty)}.</p>");
            page.Append("<ol class=\"results\">");
            foreach (var hit in hits)
            {
                var link = "https://arxiv.org/abs/" + Uri.EscapeDataString(hit.ArxivId).Replace("%2F", "/", StringComparison.Ordinal);
                page.Append(CultureInfo.InvariantCulture, $"<li data-arxiv-id=\"{Attribute(hit.ArxivId)}\"><a href=\"{Attribute(link)}\">{WebUtility.HtmlEncode(hit.Title ?? hit.ArxivId)}</a>");
                string?[] meta = [$"{hit.ArxivId}v{hit.LatestVersion}", hit.Authors.Count > 0 ? string.Join(", ", hit.Authors) : null, hit.PrimaryCategory, hit.PublishedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
                page.Append(CultureInfo.InvariantCulture, $"<div class=\"meta\">{WebUtility.HtmlEncode(string.Join(" · ", meta.OfType<string>()))}</div>");
                page.Append("<p class=\"snippet\">").Append(Highlighted(hit.Snippet)).Append("</p></li>");
            }

            page.Append("</ol>");
        }

        page.Append("</section>\n");
    }

    /// <summary>
    /// The snippet as HTML: its text encoded, the words between « and » in <c>mark</c>. A stray marker (one
    /// the abstract itself contains) never leaves an element open.
    /// </summary>
    public static string Highlighted(string snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var html = new StringBuilder();
        var open = false;
        var start = 0;
        for (var i = 0; i <= snippet.Length; i++)
        {
            var marker = i < snippet.Length ? snippet[i] : '\0';
            if (i < snippet.Length && marker != '«' && marker != '»')
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(snippet[start..i]));
            start = i + 1;
            if (marker == '«' && !open)
            {
                html.Append("<mark>");
                open = true;
            }
            else if ((marker == '»' || i == snippet.Length) && open)
            {
                html.Append("</mark>");
                open = false;
            }
        }

        return html.ToString();
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Attribute(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
}
