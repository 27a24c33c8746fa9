using Etl.Core.Generation;
using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Xunit;

namespace Etl.Integration.Tests.Cli;

/// <summary>The <c>etl</c> executable as users run it: output lines, summary and exit codes.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("etl-cli-").FullName;

    [Fact]
    public async Task Loads_a_folder_then_says_already_loaded_and_exits_0()
    {
        CorpusWriter.Write(_folder, new GeneratorOptions { Papers = 30, Seed = 3 });
        await using var database = await TestCluster.CreateDatabaseAsync();

        var (exit, output) = await EtlProcess.RunAsync(["ingest", _folder, "--connection", database.ConnectionString]);
        Assert.True(exit == 0, output);
        Assert.Contains("loaded          ", output, StringComparison.Ordinal);
        Assert.Matches(@"\d+ files \(\d+ loaded, 0 already loaded, 0 rejected\), \d+ entries, 30 new papers, \d+ new versions, 0 rejected entries, [\d.]+ s", output);

        (exit, output) = await EtlProcess.RunAsync(["ingest", _folder, "--connection", database.ConnectionString]);
        Assert.True(exit == 0, output);
        Assert.Contains("already loaded  ", output, StringComparison.Ordinal);
        Assert.Contains(", 0 new papers, 0 new versions,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_input_is_reported_with_file_and_line_and_exits_2()
    {
        File.WriteAllText(Path.Combine(_folder, "notes.md"), "# My notes\n");
        File.WriteAllText(Path.Combine(_folder, "digest.md"), """
            # Arxiv Papers in cs.CV on 2020-09-30

            ### Paper without an id
            - **Published**: 2020-09-29 10:00:00+00:00
            """);
        await using var database = await TestCluster.CreateDatabaseAsync();

        var (exit, output) = await EtlProcess.RunAsync(["ingest", _folder, "--connection", database.ConnectionString]);

        Assert.True(exit == 2, output);
        Assert.Contains("notes.md: line 1: not a digest", output, StringComparison.Ordinal);
        Assert.Contains("digest.md:3: entry has no '- **Arxiv ID**:'", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("ingest --bogus x")]
    [InlineData("frobnicate")]
    [InlineData("ingest /no/such/folder --connection Host=127.0.0.1")]
    public async Task Bad_arguments_exit_1_with_a_message(string commandLine)
    {
        var (exit, output) = await EtlProcess.RunAsync(commandLine.Split(' '));

        Assert.True(exit == 1, output);
        Assert.Contains("error:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest", "--timings")]
    [InlineData("ingest", "--connection")]
    [InlineData("generate", "--bad-entries")]
    [InlineData("generate", "--snapshots")]
    [InlineData("generate", "--snapshot-records")]
    public async Task Help_is_generated_from_each_commands_options(string command, string option)
    {
        var (exit, output) = await EtlProcess.RunAsync([command, "--help"]);

        Assert.True(exit == 0, output);
        Assert.Contains(option, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_exits_1_after_retries_and_says_what_to_do()
    {
        CorpusWriter.Write(_folder, new GeneratorOptions { Papers = 5, Seed = 3 });

        var (exit, output) = await EtlProcess.RunAsync(
            ["ingest", _folder, "--connection", "Host=127.0.0.1;Port=9;Username=x;Database=x;Timeout=2"],
            new Dictionary<string, string> { ["Retry__MaxAttempts"] = "1" });

        Assert.True(exit == 1, output);
        Assert.Contains("retrying", output, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Warehouse", output, StringComparison.Ordinal);
    }

    [EmbeddedClusterFact]
    public async Task With_no_connection_string_it_uses_the_embedded_postgres_and_prints_how_to_connect()
    {
        // Make sure the test cluster is up; the CLI must find and reuse it through its data folder.
        await (await TestCluster.CreateDatabaseAsync()).DisposeAsync();
        var samples = Path.Combine(SharedSamples.RepositoryRoot, "samples");

        var (exit, output) = await EtlProcess.RunAsync(["ingest", samples, "--data-dir", TestCluster.DataDirectory]);

        Assert.True(exit == 0, output);
        Assert.Contains("psql \"host=127.0.0.1 port=", output, StringComparison.Ordinal);
        Assert.Contains("Warehouse now holds", output, StringComparison.Ordinal);
    }

    [EmbeddedClusterFact]
    public async Task A_PGPASSWORD_kept_for_another_server_does_not_keep_it_from_the_embedded_postgres()
    {
        await (await TestCluster.CreateDatabaseAsync()).DisposeAsync();
        var samples = Path.Combine(SharedSamples.RepositoryRoot, "samples");

        var (exit, output) = await EtlProcess.RunAsync(
            ["ingest", samples, "--data-dir", TestCluster.DataDirectory],
            new Dictionary<string, string> { ["PGPASSWORD"] = "the-password-of-another-server" });

        Assert.True(exit == 0, output);
        Assert.Contains("PGPASSWORD is set: ignored", output, StringComparison.Ordinal);
        Assert.Contains("Warehouse now holds", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
