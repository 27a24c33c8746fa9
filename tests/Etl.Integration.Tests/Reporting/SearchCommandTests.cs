using System.Text.Json;
using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary><c>etl search</c> as a user runs it: the function's rows, in etl report's formats, filters checked.</summary>
public sealed class SearchCommandTests(SeedsWarehouse seeds) : IClassFixture<SeedsWarehouse>
{
    [SharedSamplesFact]
    public async Task Json_gives_the_functions_rows_with_real_arrays()
    {
        var (exitCode, output) = await SearchAsync("segmentation -medical", "--category", "cs.CV", "--since", "2020-09-30", "--until", "2021-05-31", "--limit", "4", "--format", "json");
        Assert.True(exitCode == 0, output);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.EnumerateArray().ToList();
        var expected = await seeds.Database.ScalarAsync<string[]>(
            "SELECT array_agg(arxiv_id) FROM report.search_papers('segmentation -medical', 'cs.CV', '2020-09-30', '2021-05-31', 4)");
        Assert.Equal(expected, rows.Select(row => row.GetProperty("arxiv_id").GetString()));
        Assert.All(rows, row => Assert.Equal(JsonValueKind.Array, row.GetProperty("authors").ValueKind));
        Assert.All(rows, row => Assert.Contains("«", row.GetProperty("snippet").GetString(), StringComparison.Ordinal));
    }

    [SharedSamplesFact]
    public async Task Csv_and_table_print_like_etl_report()
    {
        var (exitCode, output) = await SearchAsync("\"image inpainting\"", "--format", "csv");
        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("arxiv_id,latest_version,title,authors,primary_category,published_at,rank,snippet", lines[0]);
        Assert.StartsWith("2009.14721,2,Efficient texture-aware multi-GAN for image inpainting,Mohamed Abbas Hedjazi; Yakup Genc,cs.CV,2020-09-30T14:58:03Z,", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);

        (exitCode, output) = await SearchAsync("\"image inpainting\"");
        Assert.Equal(0, exitCode);
        Assert.Contains("(1 row)", output, StringComparison.Ordinal);
    }

    [SharedSamplesFact]
    public async Task A_malformed_date_is_refused_with_the_format_expected()
    {
        var (exitCode, output) = await SearchAsync("inpainting", "--since", "30/09/2020");
        Assert.Equal(1, exitCode);
        Assert.Contains("--since must be a date written YYYY-MM-DD (a UTC day), not '30/09/2020'", output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output)> SearchAsync(params string[] args) =>
        EtlProcess.RunAsync(["search", .. args, "--connection", seeds.Database.ConnectionString]);
}
