using Etl.Data;
using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Etl.Service.Inbox;
using Etl.Service.Jobs;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Service;

/// <summary>
/// What a load asks before leaving its drain to a later one (<see cref="QueuedLoads"/>): a load job that
/// waits in a queue counts, not one already started (it may be past its drain), nor other jobs, nor a
/// deleted one; a session waiting for the load lock counts. Against Hangfire's real PostgreSQL storage.
/// </summary>
[Collection(ServiceTestGroup.Name)]
public sealed class QueuedLoadsTests
{
    public QueuedLoadsTests()
    {
        // Hangfire logs through a process-wide provider, which an earlier in-process service host (another
        // test of this collection) pointed at its own logger factory, disposed since: back to none.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
    }

    [Fact]
    public async Task Only_a_load_job_waiting_in_a_queue_counts()
    {
        await using var database = await TestCluster.CreateDatabaseAsync(migrated: false);
        var storage = Storage(database);
        var client = new BackgroundJobClient(storage);
        var queued = new QueuedLoads(storage, new WarehouseLoader(database.DataSource, database.Retry), NullLogger<QueuedLoads>.Instance);
        Assert.False(queued.AnyWaiting());

        client.Enqueue<ScanInboxJob>(job => job.RunAsync(CancellationToken.None));
        Assert.False(queued.AnyWaiting());

        InboxFile[] files = [new("/inbox/2020-01-06.md", new string('0', 64), 1)];
        var deleted = client.Enqueue<LoadFilesJob>(job => job.RunAsync(files, CancellationToken.None));
        Assert.True(queued.AnyWaiting());
        client.Delete(deleted);
        Assert.False(queued.AnyWaiting());

        client.Enqueue<LoadFilesJob>(job => job.RunAsync(files, CancellationToken.None));
        Assert.True(queued.AnyWaiting());

        // A worker takes the jobs, in order: once the load job is fetched, it no longer waits.
        using var connection = storage.GetConnection();
        var taken = new List<Hangfire.Storage.IFetchedJob>();
        while (taken.Count < 3 && queued.AnyWaiting())
        {
            taken.Add(connection.FetchNextJob(["default"], CancellationToken.None));
        }

        Assert.False(queued.AnyWaiting());
        Assert.Equal(3, taken.Count);
        taken.ForEach(job => job.RemoveFromQueue());
        taken.ForEach(job => job.Dispose());
    }

    [Fact]
    public async Task A_session_waiting_for_the_load_lock_counts_until_it_holds_it()
    {
        await using var database = await TestCluster.CreateDatabaseAsync(migrated: false);
        var queued = new QueuedLoads(Storage(database), new WarehouseLoader(database.DataSource, database.Retry), NullLogger<QueuedLoads>.Instance);

        await using var holder = await database.DataSource.OpenConnectionAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand(EmbeddedSql.Load("try_load_lock"), holder))
        {
            Assert.True(await take.ExecuteScalarAsync() is true);
        }

        Assert.False(queued.AnyWaiting());

        // Not a load: a session waiting for another advisory lock.
        await using var other = await database.DataSource.OpenConnectionAsync();
        await using var otherHeld = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(42)", other))
        {
            await take.ExecuteNonQueryAsync();
        }

        await using var otherWaiter = await database.DataSource.OpenConnectionAsync();
        await using var otherWaiting = await otherWaiter.BeginTransactionAsync();
        await using var waitOther = new NpgsqlCommand("SELECT pg_advisory_xact_lock(42)", otherWaiter);
        var waitedOther = waitOther.ExecuteNonQueryAsync();
        await Eventually.WaitAsync(
            async () => await database.CountAsync("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") > 0,
            TimeSpan.FromSeconds(30), "the other session waits");
        Assert.False(queued.AnyWaiting());
        await otherHeld.CommitAsync();
        await waitedOther;

        // Another load begins its batch: it waits for the lock.
        await using var waiter = await database.DataSource.OpenConnectionAsync();
        await using var waiting = await waiter.BeginTransactionAsync();
        await using var begin = new NpgsqlCommand(EmbeddedSql.Load("begin_batch"), waiter);
        var waited = begin.ExecuteNonQueryAsync();
        await Eventually.WaitAsync(() => Task.FromResult(queued.AnyWaiting()), TimeSpan.FromSeconds(30), "the load waiting for the lock is seen");

        await held.CommitAsync();
        await waited;
        Assert.False(queued.AnyWaiting());
    }

    private static PostgreSqlStorage Storage(TestDatabase database)
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }
}
