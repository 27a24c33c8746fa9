using Hangfire;
using Npgsql;

namespace Etl.Service.Status;

/// <summary>Reads what the status page shows: warehouse totals and rejections (SQL), activity and queue (Hangfire).</summary>
public sealed class StatusQuery(NpgsqlDataSource dataSource, JobStorage storage, ActivityLog activity, LoadsUnderway underway, ServiceOptions options, TimeProvider clock)
{
    private const string TotalsSql = """
        SELECT (SELECT count(*) FROM warehouse.papers),
               (SELECT count(*) FROM warehouse.paper_versions),
               (SELECT count(*) FROM warehouse.authors),
               count(*),
               count(*) FILTER (WHERE outcome = 'rejected'),
               coalesce(sum(entries), 0),
               coalesce(sum(rejected_entries), 0)
        FROM warehouse.digests
        """;

    // Files rejected whole carry their reason at line 1 (see BatchLoad).
    private const string RejectedSql = """
        SELECT d.path, r.reason, d.loaded_at
        FROM warehouse.digests d
        JOIN warehouse.rejections r ON r.digest_id = d.digest_id AND r.line = 1
        WHERE d.outcome = 'rejected'
        ORDER BY d.loaded_at DESC, d.digest_id DESC
        LIMIT 50
        """;

    public async Task<StatusSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        WarehouseTotals totals;
        await using (var command = dataSource.CreateCommand(TotalsSql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            totals = new WarehouseTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
        }

        var rejected = new List<RejectedFile>();
        await using (var command = dataSource.CreateCommand(RejectedSql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rejected.Add(new RejectedFile(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
            }
        }

        return new StatusSnapshot(totals, activity.Recent(), rejected, QueueDepth.Read(storage), activity.LastScan(), [.. options.Inbox], clock.GetUtcNow())
        {
            Underway = underway.Current(),
        };
    }
}
