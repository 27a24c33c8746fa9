using Etl.Data.Discovery;
using Etl.Data.Embedded;
using Etl.Integration.Tests.Infrastructure;
using Etl.Migrations;
using Etl.Service;
using Etl.Service.Jobs;
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
        dataSource.Clear(); // the test's own pooled connections died with the server
        await OrphanEveryLockAsync(dataSource);

        TimeSpan recovery;
        try
        {
            recovery = await Eventually.WaitAsync(
                async () => await TryCountAsync(dataSource, "SELECT count(*) FROM warehouse.digests") == files.Count,
                // Generous: a job that failed while the database was away waits out the orphaned locks (1 min), Hangfire's
                // retry delays and the takeover of its worker (1 min); on a loaded 2-core machine that can take minutes.
                TimeSpan.FromSeconds(360),
                $"all {files.Count} files loaded after the outage");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException(timeout.Message + Environment.NewLine + await DescribeHangfireAsync(dataSource), timeout);
        }

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

    /// <summary>
    /// Leaves behind every lock the service could have held when PostgreSQL stopped: Hangfire's storage keeps
    /// its locks as rows, and a holder that lost its connection never deletes its row. Which locks an outage
    /// orphans is a matter of timing (a job's state lock while its worker recorded a state, the scheduler's,
    /// a scan's); this makes the worst case certain. Until the service let such rows lapse after a minute,
    /// they kept a job from changing state for 10 minutes, longer than this test waits.
    /// </summary>
    private static async Task OrphanEveryLockAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO hangfire.lock (resource, updatecount, acquired)
            SELECT resource, 0, now()
            FROM (
                SELECT 'hangfire:job:' || id || ':state-lock' FROM hangfire.job
                UNION ALL
                SELECT unnest(@resources)
            ) AS held (resource)
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.AddWithValue("resources", new[]
        {
            "hangfire:locks:schedulepoller",
            "hangfire:recurring-jobs:lock",
            "hangfire:lock:recurring-job:" + ScanInboxJob.RecurringId,
            "hangfire:ScanInboxJob.RunAsync",
            "hangfire:etl:pending:lock",
            "locks:expirationmanager",
        });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>What keeps the service from finishing: the locks held and the jobs by state.</summary>
    private static async Task<string> DescribeHangfireAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT 'lock ' || resource || ' since ' || acquired FROM hangfire.lock
            UNION ALL
            SELECT 'job ' || id || ' ' || coalesce(statename, '(none)') || ' ' || coalesce(arguments::text, '') FROM hangfire.job
            UNION ALL
            SELECT 'queued job ' || jobid || ' fetched at ' || coalesce(fetchedat::text, 'never') FROM hangfire.jobqueue
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join(Environment.NewLine, lines);
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
