using System.Text.Json;
using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary><c>etl report</c> as a user runs it: csv and json for pipes, names checked, filters read-only.</summary>
public sealed class ReportCommandTests(SeedsWarehouse seeds) : IClassFixture<SeedsWarehouse>
{
    [SharedSamplesFact]
    public async Task Csv_has_a_header_and_one_line_per_row()
    {
        var (exitCode, output) = await ReportAsync("revisions", "--where", "arxiv_id IN ('2009.14721', '2009.14684')", "--format", "csv");
        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("arxiv_id,latest_version,known_versions,first_submitted_at,last_submitted_at,days_v1_to_latest,title_changed,abstract_changed", lines[0]);
        Assert.Contains("2009.14721,2,2,2020-09-30T14:58:03Z,2021-02-13T15:19:43Z,136.02,true,true", lines);
        Assert.Equal(3, lines.Length);
    }

    [SharedSamplesFact]
    public async Task Json_is_one_array_of_objects_with_real_arrays()
    {
        var (exitCode, output) = await ReportAsync("papers", "--where", "arxiv_id = '2009.14721'", "--limit", "5", "--format", "json");
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var paper = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("Efficient texture-aware multi-GAN for image inpainting", paper.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Array, paper.GetProperty("authors").ValueKind);
        Assert.Equal(2, paper.GetProperty("latest_version").GetInt32());
    }

    [SharedSamplesFact]
    public async Task Only_views_of_schema_report_can_be_named()
    {
        var (exitCode, output) = await ReportAsync("warehouse.papers");
        Assert.Equal(1, exitCode);
        Assert.Contains("is not a view of schema report; the views are: authors, category_trends", output, StringComparison.Ordinal);
    }

    [SharedSamplesFact]
    public async Task A_filter_cannot_change_anything()
    {
        var (exitCode, output) = await ReportAsync("papers", "--where", "nextval(pg_get_serial_sequence('warehouse.digests', 'digest_id')) > 0");
        Assert.Equal(1, exitCode);
        Assert.Contains("read-only transaction", output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output)> ReportAsync(params string[] args) =>
        EtlProcess.RunAsync(["report", .. args, "--connection", seeds.Database.ConnectionString]);
}
