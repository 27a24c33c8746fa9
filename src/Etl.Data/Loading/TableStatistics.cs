using System.Diagnostics;
using Npgsql;

namespace Etl.Data.Loading;

/// <summary>
/// Leaves planner statistics right after a load (<c>sql/load/analyze_grown.sql</c>): the tables that grew
/// substantially are analyzed at once instead of whenever autovacuum gets to them, so the first report
/// query after a backfill is planned from real sizes.
/// </summary>
internal static class TableStatistics
{
    public static async Task AnalyzeGrownAsync(NpgsqlDataSource dataSource, LoadTimings? timings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var phase = Stopwatch.GetTimestamp();
        await using var command = dataSource.CreateCommand(EmbeddedSql.Load("analyze_grown"));
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        timings?.Add("analyze grown tables", phase);
    }
}
