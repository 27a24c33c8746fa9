using Etl.Core.Generation;
using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Loading;

/// <summary>
/// A load may leave the report stores' drain to a load queued behind it (<c>laterLoadDrains</c>, the
/// service's backlog): the papers' tables are current after each load, the report stores once the
/// last one drains, and then equal to those of one load of every file. A drain left behind by a load
/// that never came is done by <see cref="WarehouseLoader.DrainLeftBehindAsync"/>, which never waits
/// for a running load.
/// </summary>
public sealed class DrainLeftToLaterLoadTests : IDisposable
{
    private const string Undrained = "SELECT count(*) FROM report_store.dirty_papers";

    private readonly string _corpus = Directory.CreateTempSubdirectory("etl-drain-later-").FullName;

    [Fact]
    public async Task A_backlog_whose_last_load_drains_gives_the_report_stores_of_one_load()
    {
        var files = GeneratedCorpus.Write(_corpus, new GeneratorOptions { Papers = 150, Seed = 23, IncludeBadEntries = true });
        await using var once = await TestCluster.CreateDatabaseAsync();
        await once.LoadAsync(files);

        await using var backlog = await TestCluster.CreateDatabaseAsync();
        var loader = new WarehouseLoader(backlog.DataSource, backlog.Retry);
        var third = files.Length / 3;
        await loader.LoadAsync(files[..third], laterLoadDrains: () => true);
        Assert.True(await backlog.CountAsync(Undrained) > 0);
        Assert.Equal(0, await backlog.CountAsync("SELECT count(*) FROM report_store.paper_search"));
        await loader.LoadAsync(files[third..(2 * third)], laterLoadDrains: () => true);

        // Not drained yet, but the papers' own tables hold what was loaded.
        Assert.Equal(
            await backlog.CountAsync("SELECT count(DISTINCT arxiv_id) FROM warehouse.evidence"),
            await backlog.CountAsync("SELECT count(*) FROM report.papers"));
        Assert.True(await backlog.CountAsync(Undrained) > 0);

        await loader.LoadAsync(files[(2 * third)..], laterLoadDrains: () => false);
        Assert.Equal(0, await backlog.CountAsync(Undrained));
        Assert.Equal(await once.DumpAsync(), await backlog.DumpAsync());
        Assert.Equal(await once.ScalarAsync<string>(ReportStoreRows.Query), await backlog.ScalarAsync<string>(ReportStoreRows.Query));
    }

    [Fact]
    public async Task Daily_loads_that_leave_their_drain_are_drained_by_the_deltas_of_a_later_one()
    {
        // Most of the corpus first, then its last files one at a time: the papers those loads leave dirty
        // (new papers, new versions, renamed authors, shared coauthors) are a small share of the warehouse,
        // so the load that drains them takes the delta scripts, not the full recomputes.
        var files = GeneratedCorpus.Write(_corpus, new GeneratorOptions { Papers = 400, Seed = 31, IncludeBadEntries = true });
        await using var once = await TestCluster.CreateDatabaseAsync();
        await once.LoadAsync(files);

        await using var daily = await TestCluster.CreateDatabaseAsync();
        var loader = new WarehouseLoader(daily.DataSource, daily.Retry);
        var bulk = files.Length - 4;
        await loader.LoadAsync(files[..bulk]);
        foreach (var file in files[bulk..^1])
        {
            await loader.LoadAsync([file], laterLoadDrains: () => true);
        }

        // A job whose files all turned out gone still asks, and leaves the drain when told to.
        await loader.LoadAsync([], laterLoadDrains: () => true);
        Assert.True(await daily.CountAsync(Undrained) > 0);

        var last = await loader.LoadAsync([files[^1]], laterLoadDrains: () => false);
        Assert.Contains("report store: author_store_delta", last.Timings.Keys);
        Assert.Contains("report store: paper_search_delta", last.Timings.Keys);
        Assert.Equal(0, await daily.CountAsync(Undrained));
        Assert.Equal(await once.DumpAsync(), await daily.DumpAsync());
        Assert.Equal(await once.ScalarAsync<string>(ReportStoreRows.Query), await daily.ScalarAsync<string>(ReportStoreRows.Query));
    }

    [Fact]
    public async Task A_drain_left_behind_is_done_when_no_load_runs_or_waits()
    {
        var files = GeneratedCorpus.Write(_corpus, new GeneratorOptions { Papers = 60, Seed = 29 });
        await using var once = await TestCluster.CreateDatabaseAsync();
        await once.LoadAsync(files);

        await using var database = await TestCluster.CreateDatabaseAsync();
        var loader = new WarehouseLoader(database.DataSource, database.Retry);
        await loader.LoadAsync(files, laterLoadDrains: () => true);
        var undrained = await database.CountAsync(Undrained);
        Assert.True(undrained > 0);

        // A load holds the lock: it drains when it ends, so this does not wait for it.
        await using (var running = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await running.BeginTransactionAsync())
        {
            await using (var takeLock = running.CreateCommand())
            {
                takeLock.CommandText = Etl.Data.EmbeddedSql.Load("try_load_lock");
                Assert.True(await takeLock.ExecuteScalarAsync() is true);
            }

            await loader.DrainLeftBehindAsync(laterLoadDrains: null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(undrained, await database.CountAsync(Undrained));
        }

        // A load waits in the queue: it will drain.
        await loader.DrainLeftBehindAsync(laterLoadDrains: () => true, CancellationToken.None);
        Assert.Equal(undrained, await database.CountAsync(Undrained));

        await loader.DrainLeftBehindAsync(laterLoadDrains: () => false, CancellationToken.None);
        Assert.Equal(0, await database.CountAsync(Undrained));
        Assert.Equal(await once.ScalarAsync<string>(ReportStoreRows.Query), await database.ScalarAsync<string>(ReportStoreRows.Query));
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
