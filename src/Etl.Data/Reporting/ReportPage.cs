using System.Globalization;
using System.Net;
using System.Text;
using Npgsql;

namespace Etl.Data.Reporting;

/// <summary>
/// The report page for people without a BI tool: one self-contained HTML document (inline CSS and SVG,
/// no scripts, no external fonts or images) with a search box (<see cref="SearchSection"/>) and charts
/// drawn from the report views. The queries are
/// in <c>sql/queries/page_*.sql</c>; <c>etl report --html</c> writes the page and the service serves it.
/// </summary>
public static class ReportPage
{
    /// <summary>The page as <c>etl report --html</c> writes it: the search box says search needs the service.</summary>
    public static Task<string> RenderAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default) =>
        RenderAsync(dataSource, new SearchSection.State(Served: false), cancellationToken);

    /// <param name="dataSource">The warehouse.</param>
    /// <param name="search">What to show about search: the service passes the search asked for and its results.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<string> RenderAsync(NpgsqlDataSource dataSource, SearchSection.State search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(search);
        var monthly = await ReadAsync(dataSource, "page_monthly_categories", r => (Category: r.GetString(0), Month: r.GetFieldValue<DateOnly>(1), Papers: (double)r.GetInt64(2)), cancellationToken).ConfigureAwait(false);
        var daily = await ReadAsync(dataSource, "page_daily_submissions", r => (Day: r.GetFieldValue<DateOnly>(0), Submissions: r.GetInt32(1)), cancellationToken).ConfigureAwait(false);
        var authors = await ReadAsync(dataSource, "page_top_authors", r => (r.GetString(0), (double)r.GetInt32(1)), cancellationToken).ConfigureAwait(false);
        var revisions = await ReadAsync(dataSource, "page_revision_times", r => (r.GetString(0), (double)r.GetInt32(1)), cancellationToken).ConfigureAwait(false);
        var quality = await ReadAsync(dataSource, "page_data_quality", r => (r.GetString(0), (double)r.GetInt64(1)), cancellationToken).ConfigureAwait(false);
        var totals = (await ReadAsync(dataSource, "page_totals", r => (Papers: r.GetInt64(0), Versions: r.GetInt64(1), Authors: r.GetInt64(2), Digests: r.GetInt64(3), LastLoad: r.IsDBNull(4) ? (DateTime?)null : r.GetFieldValue<DateTime>(4)), cancellationToken).ConfigureAwait(false))[0];

        var months = monthly.Select(m => m.Month).Distinct().Order().ToList();
        var series = monthly.GroupBy(m => m.Category, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<double>)[.. g.OrderBy(m => m.Month).Select(m => m.Papers)]))
            .ToList();
        var days = daily.OrderBy(d => d.Day).ToList();

        var page = new StringBuilder();
        page.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>arXiv digest warehouse: report</title><link rel="icon" href="data:,">
            <style>
            body { font-family: sans-serif; margin: 24px auto; max-width: 800px; color: #222; }
            h1 { font-size: 22px; } figure { margin: 24px 0; } figcaption { font-size: 13px; color: #555; }
            table { border-collapse: collapse; } td, th { padding: 2px 10px; text-align: right; border-bottom: 1px solid #eee; }
            h2 { font-size: 18px; } .note { font-size: 13px; color: #555; } form input, form button { font-size: 14px; }
            ol.results { padding-left: 22px; } ol.results li { margin: 10px 0; } .meta { font-size: 13px; color: #555; }
            .snippet { margin: 2px 0; font-size: 14px; } mark { background: #fde68a; }
            </style></head><body>
            <h1>arXiv digest warehouse</h1>
            """);
        SearchSection.Render(page, search);
        page.Append(CultureInfo.InvariantCulture, $"<table><tr><th>papers</th><th>versions</th><th>authors</th><th>digests</th><th>last load (UTC)</th></tr><tr><td>{totals.Papers:N0}</td><td>{totals.Versions:N0}</td><td>{totals.Authors:N0}</td><td>{totals.Digests:N0}</td><td>{totals.LastLoad?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never"}</td></tr></table>");
        Figure(page, SvgChart.Lines("monthly-categories", "New papers per month, top categories", [.. months.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture))], series, "papers (primary category)"),
            "From report.category_trends: papers whose v1 was submitted that month, by primary category, for the six categories with the most papers.");
        Figure(page, SvgChart.Bars("daily-submissions", "Submissions per day (new papers and revisions)", [.. days.Select(d => (d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (double)d.Submissions))], "submissions"),
            "From report.daily_submissions: v1 submissions plus later versions per UTC day, for the latest 60 days with any.");
        Figure(page, SvgChart.HorizontalBars("top-authors", "Top authors by papers", authors, "papers"),
            "From report.authors: the 15 authors with the most papers.");
        Figure(page, SvgChart.Bars("revision-times", "Time from v1 to the latest version (revised papers)", revisions, "papers"),
            "From report.revisions: papers with more than one version, by days from v1 to the latest version.");
        Figure(page, SvgChart.HorizontalBars("data-quality", "Data quality", quality, "count"),
            "From report.data_quality: papers known from one format only, rejections, duplicates and differing texts.");
        page.Append("</body></html>\n");
        return page.ToString();
    }

    private static void Figure(StringBuilder page, string svg, string caption) =>
        page.Append("<figure>").Append(svg).Append("<figcaption>").Append(WebUtility.HtmlEncode(caption)).Append("</figcaption></figure>\n");

    private static async Task<List<T>> ReadAsync<T>(NpgsqlDataSource dataSource, string query, Func<NpgsqlDataReader, T> row, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var command = dataSource.CreateCommand(EmbeddedSql.Read(typeof(ReportPage).Assembly, $"sql/queries/{query}.sql"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
