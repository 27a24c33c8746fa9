using System.Collections;
using Etl.Data.Discovery;
using Npgsql;

namespace Etl.Data.Loading;

/// <summary>
/// Which lines of a snapshot hold records the warehouse does not have yet. Its lines are hashed without being
/// parsed and checked against <c>warehouse.evidence.record_sha256</c> in one set-based step
/// (<c>sql/load/snapshot_new_lines.sql</c>), before the COPY: a weekly snapshot, almost all of whose records are
/// held already, then parses and stores only its new and changed records. A line repeated in the file is stored
/// once (its first).
/// </summary>
internal sealed class HeldRecords
{
    private readonly BitArray _parsed;
    private readonly BitArray _stored;

    private HeldRecords(BitArray parsed, BitArray stored, int heldLines)
    {
        _parsed = parsed;
        _stored = stored;
        HeldLines = heldLines;
    }

    /// <summary>Non-blank lines whose record the warehouse holds: not parsed again, counted as unchanged.</summary>
    public int HeldLines { get; }

    /// <summary>About how many of the file's <paramref name="bytes"/> come before <paramref name="line"/> (for progress: lines are about the same size).</summary>
    public long BytesBefore(int line, long bytes) => _stored.Length <= 1 ? 0 : bytes * Math.Min(line, _stored.Length - 1) / (_stored.Length - 1);

    /// <summary>Whether the line is to be parsed: its record is not in the warehouse (it may still repeat an earlier line of the file).</summary>
    public bool Parses(int line) => line < _parsed.Length && _parsed[line];

    /// <summary>Whether the record at this line is to be stored (its line is new to the warehouse, and its first occurrence in the file).</summary>
    public bool Stores(int line) => line < _stored.Length && _stored[line];

    /// <summary>Hashes the file's lines and asks the warehouse which are new; runs in the batch's transaction, under the load lock.</summary>
    /// <returns>Null when the file is no longer the content that was hashed.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">A compressed file that cannot be decompressed (its parse says so).</exception>
    public static Task<HeldRecords?> ReadAsync(NpgsqlConnection connection, DigestFile file, CancellationToken cancellationToken) =>
        ReadAsync(connection, file.Path, file.Sha256, cancellationToken);

    /// <inheritdoc cref="ReadAsync(NpgsqlConnection, DigestFile, CancellationToken)"/>
    public static async Task<HeldRecords?> ReadAsync(NpgsqlConnection connection, string path, byte[] sha256, CancellationToken cancellationToken)
    {
        var lastLine = 0;
        int? lines = null;
        await CopyRows.StreamAsync(connection, "COPY snapshot_lines (line, record_sha256) FROM STDIN (FORMAT BINARY)", rows =>
        {
            lines = DigestReader.ReadRecordLines(path, sha256, (line, sha) =>
            {
                rows.StartRow(2);
                rows.Write(line);
                rows.Write(sha);
                lastLine = line;
            });
            return 0;
        }, cancellationToken).ConfigureAwait(false);
        if (lines is null)
        {
            return null;
        }

        var parsed = new BitArray(lastLine + 1);
        var stored = new BitArray(lastLine + 1);
        var notHeld = 0;
        await using var command = LoadSql.Command(EmbeddedSql.Load("snapshot_new_lines"), connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var line = reader.GetInt32(0);
            parsed[line] = true;
            stored[line] = reader.GetBoolean(1);
            notHeld++;
        }

        return new HeldRecords(parsed, stored, lines.Value - notHeld);
    }

    /// <summary>How many of a snapshot digest's stored records are new and how many changed a paper that had a record.</summary>
    public static async Task<(long New, long Changed)> CountStoredAsync(NpgsqlConnection connection, long digestId, CancellationToken cancellationToken)
    {
        await using var command = LoadSql.Command(EmbeddedSql.Load("snapshot_record_counts"), connection);
        command.Parameters.AddWithValue("digest_id", digestId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
