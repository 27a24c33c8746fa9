using System.Diagnostics;
using Etl.Data.Loading;
using Npgsql;

namespace Etl.Data.Reporting;

/// <summary>
/// Keeps the tables behind the materialized parts of the report views (schema <c>report_store</c>, see
/// docs/reporting.md) current, in the load's own transaction, for the papers it touched: a committed
/// batch never leaves a report view behind the warehouse.
/// </summary>
public static class ReportStore
{
    /// <summary>The refresh scripts (<c>sql/load</c>); the migration runs the same ones to fill the store.</summary>
    public static IReadOnlyList<string> Scripts { get; } = ["refresh_paper_lists", "refresh_paper_quality"];

    /// <summary>Runs after <c>apply_papers.sql</c>, with the batch's <c>touched_papers</c> and <c>staged_authors</c>.</summary>
    internal static async Task RefreshTouchedAsync(NpgsqlConnection connection, LoadTimings? timings, CancellationToken cancellationToken)
    {
        foreach (var script in Scripts)
        {
            var phase = Stopwatch.GetTimestamp();
            await LoadSql.RunAsync(connection, script, cancellationToken).ConfigureAwait(false);
            timings?.Add($"report store: {script}", phase);
        }
    }
}
