using Etl.Core.Generation;
using Etl.Data;
using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Loading;

/// <summary>
/// The loader's scratch tables (sql/load/begin_batch.sql) live as long as a kept session
/// (<see cref="WarehouseServices.KeepSessions"/>) and every commit empties them. Loading files one at a
/// time on a single session, with a batch that failed once its scratch tables were full, must give the
/// warehouse and report store of one load on fresh sessions.
/// </summary>
public sealed class ScratchTableTests : IDisposable
{
    private readonly string _corpus = Directory.CreateTempSubdirectory("etl-scratch-").FullName;

    [Fact]
    public async Task Files_loaded_one_at_a_time_on_one_kept_session_give_the_warehouse_of_one_load()
    {
        var files = GeneratedCorpus.Write(_corpus, new GeneratorOptions { Papers = 150, Seed = 11, IncludeBadEntries = true });
        await using var once = await TestCluster.CreateDatabaseAsync();
        await once.LoadAsync(files);

        await using var daily = await TestCluster.CreateDatabaseAsync();
        await using var session = NpgsqlDataSource.Create(WarehouseServices.KeepSessions(new NpgsqlConnectionStringBuilder(daily.ConnectionString) { MaxPoolSize = 1 }));
        var loader = new WarehouseLoader(session, daily.Retry);
        var failing = Array.FindIndex(files, files.Length / 2, file => file.Contains("detailed", StringComparison.Ordinal));
        for (var i = 0; i < files.Length; i++)
        {
            if (i == failing)
            {
                // A batch that fails after staging (its report-store refresh is refused): its scratch rows
                // roll back with it, and the next batch on the same session must not see them.
                await daily.ExecuteAsync("ALTER TABLE report_store.paper_quality ADD CONSTRAINT refuse_all CHECK (false) NOT VALID");
                var refused = await Assert.ThrowsAsync<PostgresException>(() => loader.LoadAsync([files[i]]));
                Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
                await daily.ExecuteAsync("ALTER TABLE report_store.paper_quality DROP CONSTRAINT refuse_all");
            }

            await loader.LoadAsync([files[i]]);
        }

        // The one session kept its scratch tables, empty since the last commit.
        await using (var tables = session.CreateCommand("SELECT count(*) FROM pg_class WHERE relpersistence = 't' AND relname IN ('touched_papers', 'staged_papers', 'pair_deltas') AND pg_table_is_visible(oid)"))
        {
            Assert.Equal(3L, await tables.ExecuteScalarAsync());
        }

        await using (var rows = session.CreateCommand("SELECT (SELECT count(*) FROM touched_papers) + (SELECT count(*) FROM staged_papers) + (SELECT count(*) FROM pair_deltas)"))
        {
            Assert.Equal(0L, await rows.ExecuteScalarAsync());
        }

        Assert.Equal(await once.DumpAsync(), await daily.DumpAsync());
        Assert.Equal(await once.ScalarAsync<string>(ReportStoreRows.Query), await daily.ScalarAsync<string>(ReportStoreRows.Query));
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
