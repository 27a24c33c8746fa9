using Npgsql;
using Polly;

namespace Etl.Data.Loading;

/// <summary>
/// Recomputes every paper, version, author name and link from the evidence alone, in one transaction
/// under the load lock: the proof that the warehouse is a function of its evidence, and the repair for
/// derived tables damaged by hand or by a changed rule.
/// </summary>
public static class WarehouseRebuild
{
    private static readonly string[] Scripts = ["begin_batch", "rebuild_from_evidence"];

    /// <returns>The number of papers rebuilt.</returns>
    public static Task<long> RunAsync(NpgsqlDataSource dataSource, ResiliencePipeline retry, CancellationToken cancellationToken = default) =>
        RunAsync(dataSource, retry, alsoInTransaction: null, cancellationToken);

    /// <summary>Rebuilds with the report stores' settings as configured now (<see cref="Reporting.ReportingOptions"/>), which the stores keep from then on.</summary>
    /// <returns>The number of papers rebuilt.</returns>
    public static Task<long> RunAsync(NpgsqlDataSource dataSource, ResiliencePipeline retry, Reporting.ReportingOptions reporting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reporting);
        return RunAsync(dataSource, retry, async (connection, token) =>
        {
            await using var command = new NpgsqlCommand("UPDATE report_store.settings SET pair_author_limit = @limit", connection);
            command.Parameters.AddWithValue("limit", reporting.PairAuthorLimit);
            await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, alsoBeforeStores: true, cancellationToken);
    }

    /// <param name="dataSource">The warehouse.</param>
    /// <param name="retry">Retries the whole transaction on transient errors.</param>
    /// <param name="alsoInTransaction">More work that must commit together with the rebuild (<see cref="WarehouseReparse"/>).</param>
    /// <param name="cancellationToken">Cancels the rebuild; nothing of it is committed then.</param>
    internal static Task<long> RunAsync(
        NpgsqlDataSource dataSource,
        ResiliencePipeline retry,
        Func<NpgsqlConnection, CancellationToken, Task>? alsoInTransaction,
        CancellationToken cancellationToken) =>
        RunAsync(dataSource, retry, alsoInTransaction, alsoBeforeStores: false, cancellationToken);

    /// <param name="alsoBeforeStores">Run <paramref name="alsoInTransaction"/> before the report stores are recomputed (a change of their settings) rather than at the end.</param>
    private static async Task<long> RunAsync(
        NpgsqlDataSource dataSource,
        ResiliencePipeline retry,
        Func<NpgsqlConnection, CancellationToken, Task>? alsoInTransaction,
        bool alsoBeforeStores,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retry);
        var rebuilt = await retry.ExecuteAsync(
            async token =>
            {
                await using var connection = await dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(token).ConfigureAwait(false);
                foreach (var script in Scripts)
                {
                    await LoadSql.RunAsync(connection, script, token).ConfigureAwait(false);
                }

                if (alsoBeforeStores && alsoInTransaction is not null)
                {
                    await alsoInTransaction(connection, token).ConfigureAwait(false);
                }

                await AuthorNames.StageAsync(connection, KeyRanges.Size, token).ConfigureAwait(false);
                var (papers, _) = await PaperRebuild.StageAsync(connection, KeyRanges.Size, digestPapers: null, token).ConfigureAwait(false);
                await LoadSql.RunAsync(connection, "apply_papers", token).ConfigureAwait(false);

                await Reporting.ReportStore.RefreshTouchedAsync(connection, timings: null, token).ConfigureAwait(false);
                await LoadSql.RunAsync(connection, Reporting.ReportStore.DigestPapersFullScript, token).ConfigureAwait(false);

                await Reporting.ReportStore.DrainAsync(connection, everything: true, timings: null, token).ConfigureAwait(false);
                if (!alsoBeforeStores && alsoInTransaction is not null)
                {
                    await alsoInTransaction(connection, token).ConfigureAwait(false);
                }

                await transaction.CommitAsync(token).ConfigureAwait(false);
                return papers;
            },
            cancellationToken).ConfigureAwait(false);
        await TableStatistics.AnalyzeGrownAsync(dataSource, timings: null, cancellationToken).ConfigureAwait(false);
        return rebuilt;
    }
}
