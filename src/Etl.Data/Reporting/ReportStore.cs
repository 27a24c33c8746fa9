using System.Diagnostics;
using Etl.Data.Loading;
using Npgsql;

namespace Etl.Data.Reporting;

/// <summary>
/// Keeps the tables behind the materialized parts of the report views (schema <c>report_store</c>, see
/// docs/reporting.md) current. The per-paper lists and quality facts are rewritten in each batch's own
/// transaction, for the papers it touched; the author store (<c>report.authors</c>,
/// <c>report.coauthorships</c>) and the words of search (<c>report.search_papers</c>) only record those
/// papers then, and are brought up to date once at the end of the load (<see cref="DrainAsync"/>), which
/// computes each author and each paper's words once instead of once per batch.
/// </summary>
public static class ReportStore
{
    /// <summary>
    /// The scripts that rewrite the touched papers' rows of the per-paper stores (<c>sql/load</c>): the
    /// lists from the warehouse, the quality facts from what reconciliation staged.
    /// </summary>
    private static readonly string[] Scripts = ["refresh_paper_lists", "apply_paper_quality"];

    /// <summary>Recomputes the whole author store from the warehouse (<c>sql/load</c>); the migration runs it to fill it.</summary>
    public const string AuthorStoreFullScript = "author_store_full";

    /// <summary>Recomputes the words of every paper for search (<c>sql/load</c>); the migration runs it to fill the table.</summary>
    public const string SearchFullScript = "paper_search_full";

    /// <summary>The words of the dirty papers, for search (<c>sql/load</c>).</summary>
    private const string SearchDeltaScript = "paper_search_delta";

    /// <summary>Recounts every digest's papers (<c>sql/load</c>): rebuild and reparse run it, and the migration to fill the store.</summary>
    public const string DigestPapersFullScript = "digest_papers_full";

    /// <summary>Adjusts the author store by the dirty papers' old and new contributions, then <c>author_store_removals</c> and <c>author_store_renames</c> as needed.</summary>
    private const string DeltaScript = "author_store_delta";

    /// <summary>
    /// Above this share of dirty papers (of the papers the store holds), recomputing everything once is
    /// cheaper than adjusting by each paper's old and new contribution (measured: docs/reporting.md).
    /// </summary>
    private const double FullRecomputeShare = 0.2;

    /// <summary>Runs after <c>apply_papers.sql</c>, with the batch's <c>touched_papers</c>, <c>staged_authors</c> and <c>staged_quality</c>.</summary>
    /// <param name="connection">The batch's connection.</param>
    /// <param name="timings">Where each script's time is added.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    internal static async Task RefreshTouchedAsync(NpgsqlConnection connection, LoadTimings? timings, CancellationToken cancellationToken)
    {
        foreach (var script in Scripts.Append("mark_author_store"))
        {
            var phase = Stopwatch.GetTimestamp();
            await LoadSql.RunAsync(connection, script, cancellationToken).ConfigureAwait(false);
            timings?.Add($"report store: {script}", phase);
        }
    }

    /// <summary>
    /// Brings the author store up to date in a transaction of its own: for a load none of whose batches
    /// drained (its files all failed, or its last batch rolled back), which may still have to drain what a
    /// crashed load, or one that left its drain to it, recorded; and for the service's scans
    /// (<see cref="WarehouseLoader.DrainLeftBehindAsync"/>). See the overload.
    /// </summary>
    /// <param name="laterLoadDrains">Asked under the load lock: true leaves the drain to a load queued behind this one.</param>
    /// <param name="unlessLoading">Do nothing while a load holds the lock, instead of waiting for it: that load drains, or leaves the drain to one queued behind it.</param>
    internal static async Task DrainAsync(NpgsqlDataSource dataSource, Func<bool>? laterLoadDrains, bool unlessLoading, LoadTimings? timings, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (unlessLoading)
        {
            await using var tryLock = LoadSql.Command(EmbeddedSql.Load("try_load_lock"), connection);
            if (await tryLock.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return;
            }
        }

        // The load lock, work_mem and the (empty) scratch tables of a batch, which the drain reads.
        await LoadSql.RunAsync(connection, "begin_batch", cancellationToken).ConfigureAwait(false);
        await DrainAsync(connection, everything: false, timings, cancellationToken, laterLoadDrains).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Brings the author store up to date for every paper (and renamed author) recorded since the last
    /// drain, by this load or by one that crashed before its end, and empties the record. Runs in the
    /// transaction of a load's last batch (or of a rebuild), which holds the load lock: no batch marks
    /// papers meanwhile, and the store commits with the rows it was computed from.
    /// </summary>
    /// <param name="connection">In a transaction that holds the load lock, with its work_mem (sql/load/begin_batch.sql).</param>
    /// <param name="everything">Recompute from the whole warehouse whatever was recorded (etl rebuild).</param>
    /// <param name="timings">Where the drain's time is added, when it had anything to do.</param>
    /// <param name="cancellationToken">Cancels the drain with its transaction; the record stays for the next one.</param>
    /// <param name="laterLoadDrains">Asked when there is something to drain: true leaves it to a load queued behind this one (<see cref="WarehouseLoader.LoadAsync"/>).</param>
    internal static async Task DrainAsync(NpgsqlConnection connection, bool everything, LoadTimings? timings, CancellationToken cancellationToken, Func<bool>? laterLoadDrains = null)
    {
        var phase = Stopwatch.GetTimestamp();
        long dirty, renamed, stored;
        long? searchable;
        await using (var count = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM report_store.dirty_papers),
                   (SELECT count(*) FROM report_store.dirty_authors),
                   (SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'report_store.paper_author_keys'::regclass),
                   (SELECT greatest(reltuples, 0)::bigint FROM pg_class
                    WHERE oid = 'warehouse.papers'::regclass AND to_regclass('report_store.paper_search') IS NOT NULL)
            """,
            connection))
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (dirty, renamed, stored) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            searchable = reader.IsDBNull(3) ? null : reader.GetInt64(3);
        }

        if ((dirty + renamed == 0 && !everything) || laterLoadDrains?.Invoke() is true)
        {
            return;
        }

        // Search reads the same record of dirty papers, so it goes first: the author store's scripts empty it. Its share is taken of the papers' estimate, which every load that grows
        // them keeps fresh (analyze_grown.sql), not of the table's own, which a full recompute leaves at 0
        // until autovacuum analyzes it. A warehouse without the table (the benchmark's comparison, see
        // docs/benchmarks.md) has nothing to keep.
        if (searchable is { } rows)
        {
            var searchPhase = Stopwatch.GetTimestamp();
            var search = everything || dirty >= FullRecomputeShare * rows ? SearchFullScript : SearchDeltaScript;
            await LoadSql.RunAsync(connection, search, cancellationToken).ConfigureAwait(false);
            timings?.Add($"report store: {search}", searchPhase);
        }

        phase = Stopwatch.GetTimestamp();

        var script = everything || dirty >= FullRecomputeShare * stored ? AuthorStoreFullScript : DeltaScript;
        bool removals;
        await using (var drain = LoadSql.Command(EmbeddedSql.Load(script), connection))
        {
            // The delta ends by saying whether a paper took back a contribution; the full recompute has no such parts.
            removals = await drain.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
        }

        // The delta's rarer parts run only when they have work: a daily load of new papers needs neither
        // (8 statements, about 3 ms of planning and execution on the benchmark's daily file).
        if (script == DeltaScript && removals)
        {
            await LoadSql.RunAsync(connection, "author_store_removals", cancellationToken).ConfigureAwait(false);
        }

        if (script == DeltaScript && renamed > 0)
        {
            await LoadSql.RunAsync(connection, "author_store_renames", cancellationToken).ConfigureAwait(false);
        }

        timings?.Add($"report store: {script}", phase);
    }
}
