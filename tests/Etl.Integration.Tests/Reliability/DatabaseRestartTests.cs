using System.Text;
using Etl.Core.Generation;
using Etl.Data.Discovery;
using Etl.Integration.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Reliability;

/// <summary>
/// The database goes away under a running <c>etl ingest</c>: a restart is ridden out by retries (and the
/// summary says so); an outage longer than the retry budget ends with exit 1 and a message, and a rerun
/// later completes. Runs on a dedicated cluster, which the tests stop and start.
/// </summary>
public sealed class DatabaseRestartTests(DedicatedCluster cluster) : IClassFixture<DedicatedCluster>, IDisposable
{
    private readonly string _corpus = Directory.CreateTempSubdirectory("etl-restart-").FullName;

    [Fact]
    public async Task A_restart_during_a_load_is_retried_and_the_load_completes()
    {
        CorpusWriter.Write(_corpus, new GeneratorOptions { Papers = 900, Seed = 4 });
        await ResetAsync();
        var output = new StringBuilder();
        using var process = EtlProcess.Start(Ingest(), output, Budget(attempts: 30));

        // Restart once the first batch has committed, so the load is part done.
        while (!Says(output, "loaded          ") && !process.HasExited)
        {
            await Task.Delay(20);
        }

        Assert.False(process.HasExited, Read(output));
        await cluster.StopAsync();
        await Task.Delay(1500);
        await cluster.StartAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, Read(output));
        Assert.Contains("database error, retrying", Read(output), StringComparison.Ordinal);
        Assert.Matches(@"Recovered from database errors with \d+ retries", Read(output));
        await AssertSameAsUninterruptedAsync();
    }

    [Fact]
    public async Task An_outage_longer_than_the_retry_budget_exits_1_and_a_rerun_completes()
    {
        CorpusWriter.Write(_corpus, new GeneratorOptions { Papers = 30, Seed = 4 });
        await ResetAsync();
        await cluster.StopAsync();
        try
        {
            var (exit, output) = await EtlProcess.RunAsync(Ingest(), Budget(attempts: 2));

            Assert.True(exit == 1, output);
            Assert.Contains("error: the warehouse database failed and retrying did not help", output, StringComparison.Ordinal);
            Assert.Contains("run the command again once it is reachable", output, StringComparison.Ordinal);
        }
        finally
        {
            await cluster.StartAsync();
        }

        var (rerun, rerunOutput) = await EtlProcess.RunAsync(Ingest(), Budget(attempts: 2));
        Assert.True(rerun == 0, rerunOutput);
        await AssertSameAsUninterruptedAsync();
    }

    private string[] Ingest() => ["ingest", _corpus, "--connection", cluster.ConnectionString, "--batch-mb", "1"];

    /// <summary>A small, fast retry budget: delays of 100 ms doubling up to 1 s.</summary>
    private static Dictionary<string, string> Budget(int attempts) => new()
    {
        ["Retry__MaxAttempts"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Retry__DelayMs"] = "100",
        ["Retry__MaxDelayMs"] = "1000",
    };

    private async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand("DROP SCHEMA IF EXISTS warehouse, report, report_store CASCADE;", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private async Task AssertSameAsUninterruptedAsync()
    {
        await using var expected = await TestCluster.CreateDatabaseAsync();
        await expected.LoadAsync(DigestFileFinder.Find([_corpus]));
        var builder = new NpgsqlConnectionStringBuilder(cluster.ConnectionString);
        await using var actual = await TestDatabase.AttachAsync(new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = "postgres" }.ConnectionString, builder.Database!);
        await WarehouseInvariants.AssertNoPartialFileAsync(actual, "after the outage");
        await WarehouseInvariants.AssertSameWarehouseAsync(expected, actual);
    }

    private static bool Says(StringBuilder output, string text)
    {
        lock (output)
        {
            return output.ToString().Contains(text, StringComparison.Ordinal);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
