using System.Diagnostics;
using Etl.Data.Loading;
using Npgsql;

namespace Etl.Data.Reporting;

/// <summary>
/// Keeps the tables behind the materialized parts of the report views (schema <c>report_store</c>, see
/// docs/reporting.md) current, in the load's own transaction, for the papers it touched: a committed
/// batch never leaves a report view behind the warehouse.
/// </summary>
internal static class ReportStore
{
    /// <summary>Runs after <c>apply_papers.sql</c>, with the batch's <c>touched_papers</c> and <c>staged_authors</c>.</summary>
    public static async Task RefreshTouchedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var phase = Stopwatch.GetTimestamp();
        await using var command = new NpgsqlCommand(EmbeddedSql.Load("refresh_paper_lists"), connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        LoadTimings.Add("report store refresh", phase);
    }
}
