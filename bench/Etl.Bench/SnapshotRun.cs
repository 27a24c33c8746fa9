using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Etl.Bench;

/// <summary>
/// <c>--snapshot FILE</c>: the import of a metadata snapshot (from <c>etl generate --snapshot-records N</c>)
/// into an empty warehouse by <c>etl ingest</c>, against the floor of its final rows
/// (<see cref="CopyFloor.FinalRowsAsync"/>) and against the peer, the load a PostgreSQL expert writes by hand
/// (<c>Floors/snapshot_peer.sql</c>: the lines COPYed into a jsonb table, then INSERT … SELECT), each run on
/// the same server; then, when the generator's <c>refresh/</c> file lies beside it, the weekly refresh.
/// </summary>
internal static class SnapshotRun
{
    private const string PeerDatabase = "snapshot_peer";

    public static async Task<int> RunAsync(string snapshot, int runs, string work, string etl, bool stock, CancellationToken cancellationToken)
    {
        var output = Console.Out;
        Directory.CreateDirectory(work);
        var server = await BenchCommand.StartClusterAsync(work, stock, output, cancellationToken).ConfigureAwait(false);
        var refresh = Path.Combine(Path.GetDirectoryName(snapshot)!, "refresh", Path.GetFileName(snapshot));
        var results = new List<(double Import, double Floor, double Peer, double? Refresh, double Rss)>();
        for (var run = 1; run <= runs; run++)
        {
            var database = await BenchCommand.FreshDatabaseAsync(server, "snapshot", cancellationToken).ConfigureAwait(false);
            await BenchCommand.CheckpointAsync(database, cancellationToken).ConfigureAwait(false);
            var import = await ChildLoad.RunAsync(etl, database, snapshot, cancellationToken).ConfigureAwait(false);
            await BenchCommand.SettleAsync(database, "the import, before its floor", output, cancellationToken).ConfigureAwait(false);
            TimeSpan floor;
            await using (var dataSource = NpgsqlDataSource.Create(database))
            {
                floor = await CopyFloor.FinalRowsAsync(dataSource, Path.Combine(work, "floor-dump"), cancellationToken).ConfigureAwait(false);
            }

            double? refreshed = null;
            if (File.Exists(refresh))
            {
                await BenchCommand.CheckpointAsync(database, cancellationToken).ConfigureAwait(false);
                refreshed = (await ChildLoad.RunAsync(etl, database, refresh, cancellationToken).ConfigureAwait(false)).LoaderTime.TotalSeconds;
            }

            var peer = await PeerAsync(server, snapshot, cancellationToken).ConfigureAwait(false);
            await BenchCommand.DropDatabaseAsync(server, PeerDatabase, cancellationToken).ConfigureAwait(false);
            results.Add((import.LoaderTime.TotalSeconds, floor.TotalSeconds, peer.TotalSeconds, refreshed, import.PeakRssMb));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: import {import.LoaderTime.TotalSeconds:0.0} s (peak RSS {import.PeakRssMb:0} MB), floor of the final rows {floor.TotalSeconds:0.0} s, hand-written peer {peer.TotalSeconds:0.0} s, refresh {(refreshed is { } r ? r.ToString("0.0 s", CultureInfo.InvariantCulture) : "none")}"));
        }

        var importSeconds = Stats.Median(results.Select(r => r.Import));
        var floorSeconds = Stats.Median(results.Select(r => r.Floor));
        var peerSeconds = Stats.Median(results.Select(r => r.Peer));
        var report = string.Create(CultureInfo.InvariantCulture, $"""
            | snapshot import ({new FileInfo(snapshot).Length / 1048576.0:N0} MB; median of {runs} runs) | value | target |
            |---|---|---|
            | `etl ingest` into an empty warehouse | {importSeconds:0.0} s | faster than the peer |
            | floor: COPY of the final rows | {floorSeconds:0.0} s | |
            | import / floor (ratio within each run) | {Stats.Median(results.Select(r => r.Import / r.Floor)):0.00} | ≤ 2.0 |
            | hand-written peer (jsonb staging, INSERT … SELECT) | {peerSeconds:0.0} s ({Stats.Median(results.Select(r => r.Peer / r.Floor)):0.00} × floor) | |
            | peak RSS of the import | {Stats.Median(results.Select(r => r.Rss)):0} MB | ≤ 512 MB |
            | weekly refresh (1% changed, 1% new) | {(results.All(r => r.Refresh is not null) ? string.Create(CultureInfo.InvariantCulture, $"{Stats.Median(results.Select(r => r.Refresh!.Value)):0.0} s ({Stats.Median(results.Select(r => r.Refresh!.Value / r.Import)) * 100:0.0}% of the import)") : "no refresh/ file beside the snapshot")} | ≤ 10% |
            """);
        output.WriteLine();
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(work, "snapshot-results.md"), report, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The peer in a database of its own: the five tables, then, timed, the staging COPY and the script in one transaction.</summary>
    private static async Task<TimeSpan> PeerAsync(string server, string snapshot, CancellationToken cancellationToken)
    {
        var database = await BenchCommand.FreshDatabaseAsync(server, PeerDatabase, cancellationToken, migrate: false).ConfigureAwait(false);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await CopyFloor.ExecuteAsync(connection, CopyFloor.FloorScript("final_rows"), cancellationToken).ConfigureAwait(false);
        await CopyFloor.ExecuteAsync(connection, "CHECKPOINT", cancellationToken).ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await CopyFloor.ExecuteAsync(connection, "CREATE UNLOGGED TABLE peer_staging (doc jsonb NOT NULL)", cancellationToken).ConfigureAwait(false);

            // The usual trick for JSON lines: CSV with quote and delimiter bytes that never occur, so each
            // line arrives whole, backslashes and all.
            using (var file = new StreamReader(snapshot))
            {
                var copy = await connection.BeginTextImportAsync(
                    "COPY peer_staging (doc) FROM STDIN (FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02')", cancellationToken).ConfigureAwait(false);
                await using (copy.ConfigureAwait(false))
                {
                    var block = new char[1 << 16];
                    int read;
                    while ((read = await file.ReadAsync(block, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await copy.WriteAsync(block.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            await CopyFloor.ExecuteAsync(connection, CopyFloor.FloorScript("snapshot_peer"), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return clock.Elapsed;
    }
}
