using System.Globalization;
using Etl.Data.Reporting;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Etl.Service.Endpoints;

/// <summary>
/// <c>GET /reports</c>: the report page of <c>etl report --html</c>, whose search box the service answers
/// here: <c>?q=words&amp;category=cs.CV&amp;since=2024-01-01&amp;until=2024-12-31</c> (all but q optional)
/// runs <c>report.search_papers</c> and shows the best 50 above the charts.
/// </summary>
internal static class Reports
{
    public static async Task<IResult> RenderAsync(HttpRequest request, NpgsqlDataSource warehouse, CancellationToken cancellationToken)
    {
        var search = await SearchAsync(request.Query, warehouse, cancellationToken).ConfigureAwait(false);
        return Results.Content(await ReportPage.RenderAsync(warehouse, search, cancellationToken).ConfigureAwait(false), "text/html; charset=utf-8");
    }

    private static async Task<SearchSection.State> SearchAsync(IQueryCollection query, NpgsqlDataSource warehouse, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query["q"]))
        {
            return new SearchSection.State(Served: true);
        }

        var category = query["category"].ToString() is { Length: > 0 } code ? code.Trim() : null;
        if (!TryDay(query["since"], out var since) || !TryDay(query["until"], out var until))
        {
            return new SearchSection.State(true, new SearchRequest(query["q"]!, category), Problem: "The dates must be written YYYY-MM-DD (UTC days); nothing was searched.");
        }

        var request = new SearchRequest(query["q"]!, category, since, until);
        return new SearchSection.State(true, request, await PaperSearch.SearchAsync(warehouse, request, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>An absent or empty value is no bound; otherwise it must be a date.</summary>
    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        day = parsed;
        return true;
    }
}
