using Etl.Core.Model;
using Etl.Core.Reconciliation;
using Npgsql;

namespace Etl.Data.Loading;

/// <summary>
/// Reconciles every paper the batch touched from all of its evidence (old and new) and stages the result.
/// Only the facts that decide versions travel to the client; <c>apply_papers.sql</c> then copies the
/// texts from the evidence rows the staged state points at. Papers are taken one key range at a time
/// (<see cref="KeyRanges"/>), so the states held here never exceed one range, whatever the batch.
/// </summary>
internal static class PaperRebuild
{
    /// <summary>Formats whose entries carry their file's category, which reconciliation may need (<see cref="SourceFormat.CategoriesFromDigest"/>).</summary>
    private static readonly string[] DigestCategoryFormats = [.. SourceFormats.All.Where(format => format.CategoriesFromDigest).Select(format => format.Name)];

    /// <param name="connection">The batch's connection, with its <c>touched_papers</c>.</param>
    /// <param name="rangeKeys">Papers per range (<see cref="LoaderOptions.ReconcileKeys"/>).</param>
    /// <param name="digestPapers">Where a batch counts its digests' papers from the evidence read here (null for a rebuild, which recounts them all).</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>
    /// How many papers and versions the touched papers now have, and how many evidence entries they have
    /// (every paper has at least one, so entries equal papers exactly when each paper has just one).
    /// </returns>
    public static async Task<(long Papers, long Versions, long Entries)> StageAsync(
        NpgsqlConnection connection, int rangeKeys, DigestPaperCounts? digestPapers, CancellationToken cancellationToken)
    {
        long papers = 0, versions = 0, entries = 0;
        await foreach (var (after, last) in KeyRanges.WalkAsync(connection, KeyRanges.TouchedPapers, rangeKeys, cancellationToken).ConfigureAwait(false))
        {
            var (states, read) = await ReconcileRangeAsync(connection, after, last, digestPapers, cancellationToken).ConfigureAwait(false);
            entries += read;
            await StagePapersAsync(connection, states, cancellationToken).ConfigureAwait(false);
            await StageVersionsAsync(connection, states, cancellationToken).ConfigureAwait(false);
            await StageCompactVersionsAsync(connection, states, cancellationToken).ConfigureAwait(false);
            papers += states.Count;
            versions += states.Sum(state => (long)state.Versions.Count);
        }

        return (papers, versions, entries);
    }

    private static async Task<(List<PaperState> States, long Entries)> ReconcileRangeAsync(
        NpgsqlConnection connection, string? after, string last, DigestPaperCounts? digestPapers, CancellationToken cancellationToken)
    {
        var states = new List<PaperState>();
        var digests = new Dictionary<long, (DateOnly Date, byte[] Sha)>();
        var evidence = new List<EvidenceFacts>();
        string? paper = null;
        long entries = 0;

        await using var command = LoadSql.Command(EmbeddedSql.Load("read_facts"), connection);
        command.Parameters.AddWithValue("digest_category_formats", DigestCategoryFormats);
        KeyRanges.Bind(command, after, last);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var arxivId = reader.GetString(0);
            if (paper is not null && !string.Equals(arxivId, paper, StringComparison.Ordinal))
            {
                digestPapers?.AddPaper(evidence);
                states.Add(PaperReconciler.Reconcile(paper, evidence));
                evidence = [];
            }

            paper = arxivId;
            entries++;
            var digestId = reader.GetInt64(1);
            if (!digests.TryGetValue(digestId, out var digest))
            {
                digests[digestId] = digest = (reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<byte[]>(3));
            }

            var format = SourceFormats.Named(reader.GetString(5)).Format;
            if (!reader.IsDBNull(12))
            {
                evidence.Add(EvidenceFacts.Record(digestId, reader.GetInt32(4), RecordOf(reader), reader.GetInt32(6)));
                continue;
            }

            evidence.Add(new EvidenceFacts(
                digestId,
                digest.Date,
                digest.Sha,
                reader.GetInt32(4),
                format,
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTime>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTime>(8),
                reader.IsDBNull(9) ? [] : reader.GetFieldValue<string[]>(9)));
        }

        if (paper is not null)
        {
            digestPapers?.AddPaper(evidence);
            states.Add(PaperReconciler.Reconcile(paper, evidence));
        }

        return (states, entries);
    }

    /// <summary>The rank and listed versions of a snapshot record's row (columns 10 to 13 of read_facts.sql).</summary>
    private static SnapshotRecord RecordOf(NpgsqlDataReader reader)
    {
        var numbers = reader.GetFieldValue<int[]>(12);
        var created = reader.GetFieldValue<DateTime?[]>(13);
        var versions = new VersionTime[numbers.Length];
        for (var v = 0; v < numbers.Length; v++)
        {
            versions[v] = new VersionTime(numbers[v], created[v]);
        }

        return new SnapshotRecord(reader.GetFieldValue<byte[]>(11), reader.GetFieldValue<DateOnly>(10), versions, null, null, null, null);
    }

    private static async Task StagePapersAsync(NpgsqlConnection connection, List<PaperState> states, CancellationToken cancellationToken)
    {
        var rows = new CopyRows(
            "COPY staged_papers (arxiv_id, latest_version, published_at, updated_at, fields_digest_id, fields_line, compact_categories) FROM STDIN (FORMAT BINARY)");
        foreach (var state in states)
        {
            rows.StartRow(7);
            rows.Write(state.ArxivId);
            rows.Write(state.LatestVersion);
            rows.Write(state.PublishedAt);
            rows.Write(state.UpdatedAt);
            rows.Write(state.FieldsFrom.DigestId);
            rows.Write(state.FieldsFrom.Line);
            rows.Write(state.DigestCategories);
        }

        await rows.CopyAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    private static async Task StageVersionsAsync(NpgsqlConnection connection, List<PaperState> states, CancellationToken cancellationToken)
    {
        var rows = new CopyRows("COPY staged_versions (arxiv_id, version, submitted_at, text_digest_id, text_line) FROM STDIN (FORMAT BINARY)");
        foreach (var state in states)
        {
            foreach (var version in state.Versions)
            {
                rows.StartRow(5);
                rows.Write(state.ArxivId);
                rows.Write(version.Version);
                rows.Write(version.SubmittedAt);
                rows.Write(version.TextFrom?.DigestId);
                rows.Write(version.TextFrom?.Line);
            }
        }

        await rows.CopyAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    private static async Task StageCompactVersionsAsync(NpgsqlConnection connection, List<PaperState> states, CancellationToken cancellationToken)
    {
        var rows = new CopyRows("COPY staged_compact_versions (digest_id, line, arxiv_id, version) FROM STDIN (FORMAT BINARY)");
        foreach (var state in states)
        {
            foreach (var assignment in state.DatedAssignments)
            {
                rows.StartRow(4);
                rows.Write(assignment.Entry.DigestId);
                rows.Write(assignment.Entry.Line);
                rows.Write(state.ArxivId);
                rows.Write(assignment.Version);
            }
        }

        await rows.CopyAsync(connection, cancellationToken).ConfigureAwait(false);
    }
}
