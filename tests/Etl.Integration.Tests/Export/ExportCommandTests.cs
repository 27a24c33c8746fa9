using Etl.Integration.Tests.Infrastructure;
using Etl.Integration.Tests.Reporting;
using Etl.Tests;
using Xunit;

namespace Etl.Integration.Tests.Export;

/// <summary><c>etl export</c> as a user runs it: what it writes and says, and what it says when the request is wrong.</summary>
public sealed class ExportCommandTests(SeedsWarehouse seeds) : IClassFixture<SeedsWarehouse>
{
    [SharedSamplesFact]
    public async Task Export_writes_the_files_and_says_what_it_wrote()
    {
        using var folder = new ExportFolder();
        var (exitCode, output) = await ExportAsync("--format", "parquet", "--out", folder.Path, "--since", "2020-10-01");

        Assert.True(exitCode == 0, output);
        var papers = await seeds.Database.CountAsync("SELECT count(*) FROM report.papers WHERE updated_at >= '2020-10-01T00:00:00Z'");
        Assert.InRange(papers, 1, await seeds.Database.CountAsync("SELECT count(*) FROM report.papers") - 1);
        Assert.Contains($"Wrote {folder.File("papers.parquet")}: {papers:N0} rows", output, StringComparison.Ordinal);
        foreach (var name in new[] { "versions.parquet", "authors.parquet", "paper_authors.parquet" })
        {
            Assert.Contains($"Wrote {folder.File(name)}: ", output, StringComparison.Ordinal);
        }

        Assert.Contains("`--since 2020-10-01T00:00:00Z`", await File.ReadAllTextAsync(folder.File("README.md")), StringComparison.Ordinal);
    }

    [SharedSamplesTheory]
    [InlineData("error: Argument 'csv' not recognized. Must be one of:", "--format", "csv", "--out", "{out}")]
    [InlineData("error: --format parquet writes its files into a folder: give one with --out DIR", "--format", "parquet")]
    [InlineData("error: --since narrows the warehouse's papers and what belongs to them, --view writes one whole view: give one or the other", "--format", "parquet", "--out", "{out}", "--since", "2020-01-01", "--view", "revisions")]
    [InlineData("error: --since must be a day (2024-01-31, from its start in UTC) or an instant (2024-01-31T12:00:00Z), not 'last week'", "--format", "parquet", "--out", "{out}", "--since", "last week")]
    [InlineData("error: 'warehouse.papers' is not a view of schema report; the views are: authors, category_trends", "--format", "parquet", "--out", "{out}", "--view", "warehouse.papers")]
    public async Task A_wrong_request_says_what_to_change_and_writes_nothing(string message, params string[] args)
    {
        using var folder = new ExportFolder();
        var (exitCode, output) = await ExportAsync([.. args.Select(arg => arg.Replace("{out}", folder.Path, StringComparison.Ordinal))]);

        Assert.Equal(1, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task A_value_the_format_cannot_hold_is_an_error_that_names_its_column()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE VIEW report.export_matrix AS SELECT 1 AS id, ARRAY[[1, 2], [3, 4]] AS m");
        using var folder = new ExportFolder();

        var (exitCode, output) = await EtlProcess.RunAsync(["export", "--format", "parquet", "--out", folder.Path, "--view", "export_matrix", "--connection", database.ConnectionString]);

        Assert.Equal(1, exitCode);
        Assert.Contains("error: column m holds an array of 2 dimensions, which a Parquet list cannot hold", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    private Task<(int ExitCode, string Output)> ExportAsync(params string[] args) =>
        EtlProcess.RunAsync(["export", .. args, "--connection", seeds.Database.ConnectionString]);
}
