using System.Diagnostics;
using Npgsql;

namespace Etl.Bench;

/// <summary>
/// How long a full <c>SELECT *</c> of every report view takes, read to the last value by the client as a
/// BI tool would. Measured as the warehouse is (no ANALYZE of our own): right after the backfill and
/// again after further daily loads.
/// </summary>
internal static class ViewTimings
{
    public static async Task<IReadOnlyList<(string View, double Seconds, long Rows)>> MeasureAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var views = new List<string>();
        await using (var catalog = new NpgsqlCommand(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'report' AND c.relkind = 'v' ORDER BY 1", connection))
        await using (var reader = await catalog.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                views.Add(reader.GetString(0));
            }
        }

        var timings = new List<(string, double, long)>();
        foreach (var view in views)
        {
            var clock = Stopwatch.StartNew();
            long rows = 0;
            await using var command = new NpgsqlCommand($"SELECT * FROM report.\"{view}\"", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                reader.GetValues(values);
                rows++;
            }

            timings.Add(("report." + view, clock.Elapsed.TotalSeconds, rows));
        }

        return timings;
    }
}
