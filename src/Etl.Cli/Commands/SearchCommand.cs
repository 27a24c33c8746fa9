using System.CommandLine;
using System.Globalization;
using Etl.Cli.Terminal;
using Etl.Data.Reporting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Etl.Cli.Commands;

/// <summary>
/// <c>etl search "query" [--category C] [--since D] [--until D] [--limit N] [--format table|csv|json]</c>:
/// full-text search with <c>report.search_papers</c> (docs/reporting.md, "Search"), printed like <c>etl report</c>.
/// </summary>
internal static class SearchCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var query = new Argument<string>("query") { Description = "Words, \"quoted phrases\", or, -word (PostgreSQL's websearch_to_tsquery); matches titles and abstracts, and author names" };
        var category = new Option<string>("--category") { Description = "Only papers listing this category (any of their categories), e.g. cs.CV", HelpName = "CODE" };
        var since = Date("--since", "Only papers whose v1 was submitted on this UTC day or later");
        var until = Date("--until", "Only papers whose v1 was submitted on this UTC day or earlier");
        var limit = PositiveInt.Option("--limit", "Print at most N papers, best first (default 50)");
        var format = new Option<string>("--format") { Description = "table (default), csv with a header row, or json (one array of objects)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(Rows.Formats);
        var command = new Command("search", "Full-text search of titles, abstracts and author names, best match first") { query, category, since, until, limit, format }.WithWarehouseOptions();
        command.SetAction(async (parsed, token) =>
        {
            await using var services = await WarehouseOptions.StartAsync(parsed, configuration, token).ConfigureAwait(false);
            var request = new SearchRequest(parsed.GetRequiredValue(query), parsed.GetValue(category), parsed.GetValue(since), parsed.GetValue(until), parsed.GetValue(limit) ?? 50);
            var hits = await PaperSearch.SearchAsync(services.GetRequiredService<NpgsqlDataSource>(), request, token).ConfigureAwait(false);
            Rows.Write(Console.Out, parsed.GetValue(format) ?? "table", [.. SearchHit.Columns], [.. hits.Select(hit => hit.Values())]);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<DateOnly?> Date(string name, string description) =>
        new(name)
        {
            Description = description,
            HelpName = "YYYY-MM-DD",
            CustomParser = result =>
            {
                var text = result.Tokens[^1].Value;
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date;
                }

                result.AddError($"{name} must be a date written YYYY-MM-DD (a UTC day), not '{text}'");
                return null;
            },
        };
}
