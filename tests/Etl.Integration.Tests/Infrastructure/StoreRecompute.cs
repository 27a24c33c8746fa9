using Etl.Data;

namespace Etl.Integration.Tests.Infrastructure;

/// <summary>
/// Runs a general refresh script of the report store (<c>sql/load</c>, one that reads only
/// <c>touched_papers</c>) for every paper, as the migration fills the store, and asserts it leaves the
/// table as the loads had: the check for the loader's cheaper scripts, which must give the same rows
/// where they are used.
/// </summary>
internal static class StoreRecompute
{
    public static async Task AssertAgreesAsync(TestDatabase database, string table, string script)
    {
        // A pooled session may hold the loader's own (empty) scratch table of that name, which comes first
        // in the search path: it is replaced for the script, and dropped with it (the loader creates it
        // again), all in one transaction.
        await database.ExecuteAsync($"""
            BEGIN;
            CREATE TABLE public.stored AS SELECT * FROM {table};
            DROP TABLE IF EXISTS pg_temp.touched_papers;
            CREATE TEMP TABLE touched_papers AS SELECT arxiv_id FROM warehouse.papers;
            {EmbeddedSql.Load(script)}
            DROP TABLE pg_temp.touched_papers;
            COMMIT;
            """);
        await database.AssertSameRowsAsync("SELECT * FROM public.stored", $"SELECT * FROM {table}");
        await database.ExecuteAsync("DROP TABLE public.stored");
    }
}
