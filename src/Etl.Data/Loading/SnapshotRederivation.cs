using Etl.Core.Normalization;
using Npgsql;

namespace Etl.Data.Loading;

/// <summary>
/// <c>etl reparse</c> of a snapshot whose file is gone: its records are lines that other snapshots may hold byte for
/// byte (a weekly snapshot repeats most of last week's), so each record is derived again from any found snapshot
/// file holding the same line (by its sha256), and keeps its place (its digest and line). Records found in no file
/// keep their evidence as it was. One transaction, under the load lock; memory holds the gone file's record hashes.
/// </summary>
internal static class SnapshotRederivation
{
    /// <param name="connection">An open connection without a transaction.</param>
    /// <param name="digestId">The snapshot digest whose file is gone.</param>
    /// <param name="sources">Found snapshot files (path and content hash), searched in order.</param>
    /// <param name="streamAbove">Files above this size are streamed (<see cref="LoaderOptions.StreamAboveBytes"/>).</param>
    /// <param name="cancellationToken">Cancels the transaction.</param>
    /// <returns>How many of the digest's records were found in no source (0: all derived again).</returns>
    public static async Task<long> RunAsync(NpgsqlConnection connection, long digestId, IReadOnlyList<StoredContent> sources, long streamAbove, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LoadSql.RunAsync(connection, "begin_batch", cancellationToken).ConfigureAwait(false);
        var wanted = await RecordsAsync(connection, digestId, cancellationToken).ConfigureAwait(false);
        await using (var scratch = new NpgsqlCommand("CREATE TEMP TABLE rederived (LIKE warehouse.evidence) ON COMMIT DROP", connection))
        {
            await scratch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await CopyRows.StreamAsync(connection, EvidenceCopy.Into("rederived"), rows =>
        {
            foreach (var source in sources)
            {
                if (wanted.Count == 0)
                {
                    break;
                }

                DigestReader.ReadAndParse(source.Path, source.Sha256, source.Bytes > streamAbove, entry =>
                {
                    if (entry.Record is { } record && wanted.Remove(Key(record.Sha256), out var line))
                    {
                        EvidenceCopy.Write(rows, digestId, entry with { Line = line }, [.. entry.Authors.Select(AuthorKey.For)]);
                    }
                });
            }

            return 0;
        }, cancellationToken).ConfigureAwait(false);

        // Derived again: replaced in place. The others keep their rows.
        await LoadSql.RunAsync(connection, "snapshot_rederive", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return wanted.Count;
    }

    private static async Task<Dictionary<(UInt128, UInt128), int>> RecordsAsync(NpgsqlConnection connection, long digestId, CancellationToken cancellationToken)
    {
        var records = new Dictionary<(UInt128, UInt128), int>();
        await using var command = new NpgsqlCommand("SELECT record_sha256, line FROM warehouse.evidence WHERE digest_id = @digest_id AND record_sha256 IS NOT NULL", connection);
        command.Parameters.AddWithValue("digest_id", digestId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records[Key(reader.GetFieldValue<byte[]>(0))] = reader.GetInt32(1);
        }

        return records;
    }

    /// <summary>A sha256 as two 128-bit numbers: a dictionary key of 32 bytes, not a 64-character string.</summary>
    private static (UInt128, UInt128) Key(byte[] sha256) =>
        (System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(sha256), System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(sha256.AsSpan(16)));
}
