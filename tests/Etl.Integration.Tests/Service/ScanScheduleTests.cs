using System.Diagnostics;
using Etl.Integration.Tests.Infrastructure;
using Etl.Service.Jobs;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Etl.Integration.Tests.Service;

/// <summary>Registering the recurring scan when a killed server left the recurring job's lock behind.</summary>
[Collection(ServiceTestGroup.Name)]
public sealed class ScanScheduleTests
{
    private const string Cron = "*/5 * * * *";

    // Hangfire's AddOrUpdate gives up on a held lock after 15 s: each case below needs a second attempt.
    private static readonly TimeSpan OneAttempt = TimeSpan.FromSeconds(15);

    public ScanScheduleTests()
    {
        // Hangfire logs through a process-wide provider, which an earlier in-process service host (another
        // test of this collection) pointed at its own logger factory, disposed since: back to none.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
    }

    [Fact]
    public async Task Registration_waits_out_a_lock_left_by_a_killed_server_instead_of_failing_the_start()
    {
        // The orphan lapses after the first attempt has given up: only a retry can register the scan.
        var lockTimeout = OneAttempt + TimeSpan.FromSeconds(3);
        await using var database = await TestCluster.CreateDatabaseAsync();
        var storage = await StorageWithOrphanedLockAsync(database, lockTimeout);
        var logger = new WarningCount();

        var clock = Stopwatch.StartNew();
        await RegisterAsync(storage, lockTimeout, logger);

        Assert.True(clock.Elapsed >= lockTimeout - TimeSpan.FromSeconds(1), $"registered after {clock.Elapsed}, before the orphaned lock lapsed");
        Assert.Equal(1, logger.Warnings);
        using var connection = storage.GetConnection();
        var registered = Assert.Single(connection.GetRecurringJobs(), job => job.Id == ScanInboxJob.RecurringId);
        Assert.Equal(Cron, registered.Cron);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM hangfire.lock"));
    }

    [Fact]
    public async Task Registration_gives_up_once_the_lock_has_outlived_the_lock_timeout()
    {
        // Held longer than any orphan could be (the storage lets it lapse only after an hour): a real fault.
        var lockTimeout = OneAttempt + TimeSpan.FromSeconds(5);
        await using var database = await TestCluster.CreateDatabaseAsync();
        var storage = await StorageWithOrphanedLockAsync(database, TimeSpan.FromHours(1));
        var logger = new WarningCount();

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<DistributedLockTimeoutException>(() => RegisterAsync(storage, lockTimeout, logger));

        Assert.Equal(1, logger.Warnings);
        Assert.True(clock.Elapsed >= 2 * OneAttempt, $"gave up after {clock.Elapsed}, before a second attempt");
    }

    /// <summary>Registration off the test's thread, bounded: a retry that ignored its deadline fails here instead of hanging.</summary>
    private static Task RegisterAsync(JobStorage storage, TimeSpan lockTimeout, ILogger logger) =>
        Task.Run(() => ScanSchedule.Register(new RecurringJobManager(storage), Cron, lockTimeout, logger))
            .WaitAsync(lockTimeout + 3 * OneAttempt);

    /// <summary>Hangfire's storage, with the row a server killed while registering or triggering the scan leaves: taken now, never deleted.</summary>
    private static async Task<PostgreSqlStorage> StorageWithOrphanedLockAsync(TestDatabase database, TimeSpan lockTimeout)
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true, DistributedLockTimeout = lockTimeout };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);

        // Stamped by this process's clock, as Hangfire stamps and ages its rows (not the server's now()).
        await using var orphan = database.DataSource.CreateCommand("INSERT INTO hangfire.lock (resource, updatecount, acquired) VALUES ($1, 0, $2)");
        orphan.Parameters.AddWithValue("hangfire:lock:recurring-job:" + ScanInboxJob.RecurringId);
        orphan.Parameters.AddWithValue(DateTime.UtcNow);
        await orphan.ExecuteNonQueryAsync();
        return storage;
    }

    private sealed class WarningCount : ILogger
    {
        private int _warnings;

        public int Warnings => Volatile.Read(ref _warnings);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Interlocked.Increment(ref _warnings);
            }
        }
    }
}
