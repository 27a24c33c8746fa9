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
    // Longer than one registration attempt (Hangfire waits 15 s for the lock), so only a retry can succeed.
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(18);

    [Fact]
    public async Task Registration_waits_out_a_lock_left_by_a_killed_server_instead_of_failing_the_start()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        var storage = await StorageWithOrphanedLockAsync(database, LockTimeout);
        var logger = new WarningCount();
        var clock = Stopwatch.StartNew();
        ScanSchedule.Register(new RecurringJobManager(storage), "*/5 * * * *", LockTimeout, logger);

        Assert.True(clock.Elapsed >= LockTimeout - TimeSpan.FromSeconds(1), $"registered after {clock.Elapsed}, before the orphaned lock lapsed");
        Assert.True(logger.Warnings >= 1, "the wait was logged");
        using var connection = storage.GetConnection();
        var registered = Assert.Single(connection.GetRecurringJobs(), job => job.Id == ScanInboxJob.RecurringId);
        Assert.Equal("*/5 * * * *", registered.Cron);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM hangfire.lock"));
    }

    [Fact]
    public async Task Registration_gives_up_on_a_lock_that_outlives_the_lock_timeout()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        var storage = await StorageWithOrphanedLockAsync(database, TimeSpan.FromHours(1));

        // A lock younger than the storage's timeout cannot be an orphan registration may wait out: it fails loudly.
        Assert.ThrowsAny<DistributedLockTimeoutException>(() =>
            ScanSchedule.Register(new RecurringJobManager(storage), "*/5 * * * *", TimeSpan.Zero, new WarningCount()));
    }

    /// <summary>Hangfire's storage, with the row a server killed while registering or triggering the scan leaves: taken now, never deleted.</summary>
    private static async Task<PostgreSqlStorage> StorageWithOrphanedLockAsync(TestDatabase database, TimeSpan lockTimeout)
    {
        // Hangfire logs through a process-wide provider, which an earlier in-process service host (another
        // test of this collection) pointed at its own logger factory, disposed since: back to none.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true, DistributedLockTimeout = lockTimeout };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
        await database.ExecuteAsync($"""
            INSERT INTO hangfire.lock (resource, updatecount, acquired)
            VALUES ('hangfire:lock:recurring-job:{ScanInboxJob.RecurringId}', 0, now())
            """);
        return storage;
    }

    private sealed class WarningCount : ILogger
    {
        public int Warnings { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings++;
            }
        }
    }
}
