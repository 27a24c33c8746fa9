using Etl.Data.Discovery;
using Etl.Data.Embedded;
using Etl.Integration.Tests.Infrastructure;
using Etl.Migrations;
using Etl.Service;
using Hangfire;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace Etl.Integration.Tests.Service;

/// <summary>
/// PostgreSQL goes away for 10 seconds while the service is loading. It runs on a cluster of its own
/// (under TMPDIR, started with pg_ctl like the embedded default), so stopping it disturbs no other test.
/// </summary>
[Collection(ServiceTestGroup.Name)]
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("etl-outage-").FullName;
    private readonly string _cluster = Path.Combine(Path.GetTempPath(), "etl-outage-postgres-" + Guid.NewGuid().ToString("N")[..8]);

    [EmbeddedClusterFact]
    public async Task Every_job_completes_after_the_database_returns_and_nothing_is_loaded_twice()
    {
        var source = Path.Combine(_folder, "source");
        var inbox = Path.Combine(_folder, "inbox");
        var files = ServiceCorpus.Write(source, generated: 30, withSeeds: false, seed: 5);
        var connectionString = await StartClusterAsync();
        await WarehouseMigrator.MigrateAsync(connectionString, CancellationToken.None);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        // Small jobs on one worker: the outage falls in the middle of the work.
        await using var service = await RunningService.StartAsync(connectionString, new ServiceOptions { Inbox = { inbox }, Workers = 1, JobFiles = 2 });
        ServiceCorpus.Drop(files, inbox);
        await Eventually.WaitAsync(async () => await CountAsync(dataSource, "SELECT count(*) FROM warehouse.digests") > 0, TimeSpan.FromSeconds(60), "a first job committed");

        await EmbeddedPostgres.StopAsync(_cluster, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(10));
        await StartClusterAsync();

        var recovery = await Eventually.WaitAsync(
            async () => await TryCountAsync(dataSource, "SELECT count(*) FROM warehouse.digests") == files.Count,
            // Generous: a job that failed while the database was away waits out Hangfire's retry delays and the
            // takeover of its worker; on a loaded 2-core machine that took over 150 s once (alone: 25 s).
            TimeSpan.FromSeconds(360),
            $"all {files.Count} files loaded after the outage");
        output.WriteLine($"all files loaded {recovery.TotalSeconds:0.0} s after PostgreSQL returned");

        var storage = service.Get<JobStorage>();
        await Eventually.WaitAsync(
            () =>
            {
                var statistics = storage.GetMonitoringApi().GetStatistics();
                return Task.FromResult(statistics.Enqueued == 0 && statistics.Processing == 0);
            },
            TimeSpan.FromSeconds(60),
            "the queue drained");
        Assert.Equal(0, storage.GetMonitoringApi().GetStatistics().Failed);

        await using var sequential = await TestCluster.CreateDatabaseAsync();
        await sequential.LoadAsync(DigestFileFinder.Find([source]));
        Assert.Equal(await sequential.DumpAsync(), await Etl.Data.Reporting.ReportDump.ReadJsonLinesAsync(dataSource));
        const string evidence = "SELECT count(*) FROM warehouse.evidence";
        Assert.Equal(await sequential.CountAsync(evidence), await CountAsync(dataSource, evidence));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await EmbeddedPostgres.StopAsync(_cluster, CancellationToken.None);
        Directory.Delete(_cluster, recursive: true);
        File.Delete(_cluster + ".lock");
        Directory.Delete(_folder, recursive: true);
    }

    private Task<string> StartClusterAsync() =>
        EmbeddedPostgres.EnsureStartedAsync(new EmbeddedPostgresOptions { DataDirectory = _cluster, FastUnsafe = true }, log: null, CancellationToken.None);

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>-1 while the database is still coming back.</summary>
    private static async Task<long> TryCountAsync(NpgsqlDataSource dataSource, string sql)
    {
        try
        {
            return await CountAsync(dataSource, sql);
        }
        catch (NpgsqlException)
        {
            return -1;
        }
    }
}
