using Etl.Core.Model;
using Etl.Core.Normalization;
using Etl.Core.Parsing;
using Npgsql;
using Polly;

namespace Etl.Data.Loading;

/// <summary>
/// Brings a warehouse to what a fresh load of the same files gives today: the evidence of every content
/// parsed by older rules (<see cref="ParsingRules.Version"/>) is derived again from its bytes, batch by
/// batch (one transaction each, binary COPY), then every paper is rebuilt (<see cref="WarehouseRebuild"/>).
/// Contents whose bytes cannot be found keep their evidence and their old rules version.
/// </summary>
/// <remarks>
/// The new rules version is recorded in the rebuild's transaction, not in the batches': should the process
/// die between the last batch and the rebuild, the digests still say they are stale, <c>etl ingest</c>
/// still suggests a reparse, and running it again (batches are idempotent) finishes the job.
/// </remarks>
public sealed class WarehouseReparse(NpgsqlDataSource dataSource, ResiliencePipeline retry, LoaderOptions? options = null)
{
    private readonly LoaderOptions _options = options ?? new LoaderOptions();

    /// <param name="searchFolders">Where to look, by sha256, for contents no longer at their stored path.</param>
    /// <param name="everything">Reparse every stored content, not only those parsed by older rules.</param>
    /// <param name="cancellationToken">Stops between batches; committed batches stay reparsed.</param>
    public async Task<ReparseSummary> RunAsync(IReadOnlyList<string> searchFolders, bool everything, CancellationToken cancellationToken = default)
    {
        var stale = await StoredContentsAsync(everything, cancellationToken).ConfigureAwait(false);
        var located = new ContentLocator(searchFolders).Locate(stale);
        var found = stale.Where(content => located.ContainsKey(content.DigestId)).Select(content => content with { Path = located[content.DigestId] }).ToList();
        foreach (var batch in Batches(found))
        {
            await retry.ExecuteAsync(async token => await ReparseBatchAsync(batch, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        // A snapshot whose file is gone: its records are derived again from the found snapshots that hold the same lines.
        var recordsNotFound = new Dictionary<long, long>();
        var rederived = new List<long>();
        var goneSnapshots = stale.Where(content => content.IsSnapshot && !located.ContainsKey(content.DigestId)).ToList();
        if (goneSnapshots.Count > 0)
        {
            var snapshots = (await StoredContentsAsync(everything: true, cancellationToken).ConfigureAwait(false)).Where(content => content.IsSnapshot).ToList();
            var at = new ContentLocator(searchFolders).Locate(snapshots);
            var sources = snapshots.Where(content => at.ContainsKey(content.DigestId)).Select(content => content with { Path = at[content.DigestId] }).ToList();
            foreach (var gone in goneSnapshots)
            {
                var left = await retry.ExecuteAsync(
                    async token =>
                    {
                        await using var connection = await dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
                        return await SnapshotRederivation.RunAsync(connection, gone.DigestId, sources, _options.StreamAboveBytes, token).ConfigureAwait(false);
                    },
                    cancellationToken).ConfigureAwait(false);
                if (left == 0)
                {
                    rederived.Add(gone.DigestId);
                }
                else
                {
                    recordsNotFound[gone.DigestId] = left;
                }
            }
        }

        var reparsed = found.Select(content => content.DigestId).Concat(rederived).ToArray();
        var papers = await WarehouseRebuild.RunAsync(
            dataSource,
            retry,
            async (connection, token) =>
            {
                await using var mark = new NpgsqlCommand("UPDATE warehouse.digests SET rules_version = $1 WHERE digest_id = ANY($2)", connection);
                mark.Parameters.Add(new NpgsqlParameter<int> { TypedValue = ParsingRules.Version });
                mark.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = reparsed });
                await mark.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return new ReparseSummary(stale.Count, found.Count + rederived.Count, [.. stale.Where(content => !located.ContainsKey(content.DigestId) && !rederived.Contains(content.DigestId))], papers)
        {
            RecordsNotFound = recordsNotFound,
        };
    }

    /// <summary>How many stored contents were parsed by rules older than today's, and the oldest version among them.</summary>
    public static async Task<(long Digests, int? OldestVersion)> CountStaleAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand("SELECT count(*), min(rules_version) FROM warehouse.digests WHERE rules_version < $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = ParsingRules.Version });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt32(1));
    }

    private async Task<List<StoredContent>> StoredContentsAsync(bool everything, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT digest_id, sha256, path, bytes, format = 'snapshot' FROM warehouse.digests WHERE $1 OR rules_version < $2 ORDER BY digest_date NULLS LAST, digest_id");
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = everything });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = ParsingRules.Version });
        var contents = new List<StoredContent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            contents.Add(new StoredContent(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetString(2), reader.GetInt64(3), !reader.IsDBNull(4) && reader.GetBoolean(4)));
        }

        return contents;
    }

    private IEnumerable<List<StoredContent>> Batches(List<StoredContent> contents)
    {
        var batch = new List<StoredContent>();
        long bytes = 0;
        foreach (var content in contents)
        {
            // A snapshot is a batch of its own, as when it was loaded: its records are checked against those the
            // warehouse holds (HeldRecords) before its COPY starts, so it stores exactly what a fresh load would.
            if (content.IsSnapshot)
            {
                if (batch.Count > 0)
                {
                    yield return batch;
                    batch = [];
                    bytes = 0;
                }

                yield return [content];
                continue;
            }

            batch.Add(content);
            bytes += content.Bytes;
            if (bytes >= _options.BatchBytes || batch.Count >= _options.BatchFiles)
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task ReparseBatchAsync(List<StoredContent> batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LoadSql.RunAsync(connection, "begin_batch", cancellationToken).ConfigureAwait(false);
        await using (var delete = LoadSql.Command(EmbeddedSql.Load("reparse_begin"), connection))
        {
            delete.Parameters.AddWithValue("ids", batch.Select(content => content.DigestId).ToArray());
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var held = batch is [{ IsSnapshot: true } snapshot]
            ? await HeldRecords.ReadAsync(connection, snapshot.Path, snapshot.Sha256, cancellationToken).ConfigureAwait(false)
                ?? throw new IOException($"{snapshot.Path}: {DigestReader.Changed}; nothing of this batch was committed, run etl reparse again")
            : null;
        var parsed = await CopyEvidenceAsync(connection, batch, held, cancellationToken).ConfigureAwait(false);
        await CopyDigestsAsync(connection, parsed, cancellationToken).ConfigureAwait(false);
        await LoadSql.RunAsync(connection, "reparse_apply", cancellationToken).ConfigureAwait(false);

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses each content again (one file in memory at a time) and streams its entries into one COPY.</summary>
    private async Task<List<(long DigestId, ParsedDigest Parsed, int Entries)>> CopyEvidenceAsync(
        NpgsqlConnection connection, List<StoredContent> batch, HeldRecords? held, CancellationToken cancellationToken)
    {
        List<(long, ParsedDigest, int)> Produce(CopyRows rows)
        {
            var parsed = new List<(long, ParsedDigest, int)>(batch.Count);
            foreach (var content in batch)
            {
                // Its old evidence is already deleted in this transaction: a file that went away must fail the batch, not be skipped.
                var stored = 0;
                var (digest, _, problem) = DigestReader.ReadAndParse(content.Path, content.Sha256, _options.Streams(content.Bytes), entry =>
                {
                    if (held is null || held.Stores(entry.Line))
                    {
                        EvidenceCopy.Write(rows, content.DigestId, entry, [.. entry.Authors.Select(AuthorKey.For)]);
                        stored++;
                    }
                }, held is null ? null : held.Parses);
                if (digest is null)
                {
                    throw new IOException($"{content.Path}: {problem}; nothing of this batch was committed, run etl reparse again");
                }

                parsed.Add((content.DigestId, digest, stored));
            }

            return parsed;
        }

        return await CopyRows.StreamAsync(connection, EvidenceCopy.Command, Produce, cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopyDigestsAsync(
        NpgsqlConnection connection, List<(long DigestId, ParsedDigest Parsed, int Entries)> parsed, CancellationToken cancellationToken)
    {
        var digests = new CopyRows(
            "COPY reparsed_digests (digest_id, format, category, digest_date, entries, rejected_entries, outcome, mojibake_repairs) FROM STDIN (FORMAT BINARY)");
        foreach (var (digestId, digest, entries) in parsed)
        {
            var header = digest.Header;
            digests.StartRow(8);
            digests.Write(digestId);
            digests.Write(header is null ? null : EvidenceCopy.FormatName(header.Format));
            digests.Write(header?.Category);
            digests.Write(header?.Date);
            digests.Write(entries);
            digests.Write(digest.Rejections.Count);
            digests.Write(DigestOutcome.Name(digest));
            digests.Write(digest.MojibakeRepairs);
        }

        await digests.CopyAsync(connection, cancellationToken).ConfigureAwait(false);

        await DigestOutcome.CopyRejectionsAsync(connection, parsed.Select(file => (file.DigestId, file.Parsed)), cancellationToken).ConfigureAwait(false);
    }
}
