using Etl.Core.Model;
using Etl.Core.Reconciliation;
using Npgsql;

namespace Etl.Data.Loading;

/// <summary>
/// Reconciles every paper the batch touched from all of its evidence (old and new) and stages the result.
/// Only the facts that decide versions travel to the client, with a hash of each entry's texts for the
/// paper's quality facts (<see cref="PaperQuality"/>, staged for <c>apply_paper_quality.sql</c>);
/// <c>apply_papers.sql</c> then copies the texts from the evidence rows the staged state points at.
/// Papers are taken one key range at a time (<see cref="KeyRanges"/>), so the states held here never
/// exceed one range, whatever the batch.
/// </summary>
internal static class PaperRebuild
{
    /// <summary>Formats whose entries carry their file's category, which reconciliation may need (<see cref="SourceFormat.CategoriesFromDigest"/>).</summary>
    private static readonly string[] DigestCategoryFormats = [.. SourceFormats.All.Where(format => format.CategoriesFromDigest).Select(format => format.Name)];

    /// <param name="connection">The batch's connection, with its <c>touched_papers</c>.</param>
    /// <param name="rangeKeys">Papers per range (<see cref="LoaderOptions.ReconcileKeys"/>).</param>
    /// <param name="digestPapers">Where a batch counts its digests' papers from the evidence read here (null for a rebuild, which recounts them all).</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>How many papers and versions the touched papers now have.</returns>
    public static async Task<(long Papers, long Versions)> StageAsync(
        NpgsqlConnection connection, int rangeKeys, DigestPaperCounts? digestPapers, CancellationToken cancellationToken)
    {
        long papers = 0, versions = 0;
        await foreach (var (after, last) in KeyRanges.WalkAsync(connection, KeyRanges.TouchedPapers, rangeKeys, cancellationToken).ConfigureAwait(false))
        {
            var quality = new CopyRows(
                "COPY staged_quality (arxiv_id, formats, duplicate_entries, conflicting_formats, differing_formats) FROM STDIN (FORMAT BINARY)");
            var states = await ReconcileRangeAsync(connection, after, last, digestPapers, quality, cancellationToken).ConfigureAwait(false);
            await quality.CopyAsync(connection, cancellationToken).ConfigureAwait(false);
            await StagePapersAsync(connection, states, cancellationToken).ConfigureAwait(false);
            await StageVersionsAsync(connection, states, cancellationToken).ConfigureAwait(false);
            await StageCompactVersionsAsync(connection, states, cancellationToken).ConfigureAwait(false);
            papers += states.Count;
            versions += states.Sum(state => (long)state.Versions.Count);
        }

        return (papers, versions);
    }

    private static async Task<List<PaperState>> ReconcileRangeAsync(
        NpgsqlConnection connection, string? after, string last, DigestPaperCounts? digestPapers, CopyRows quality, CancellationToken cancellationToken)
    {
        var states = new List<PaperState>();
        var digests = new Dictionary<long, (DateOnly Date, byte[] Sha)>();
        var evidence = new List<EvidenceFacts>();
        var texts = new List<(string Format, long TextHash)>();
        string? paper = null;

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
                states.Add(Reconcile(paper, evidence, texts, quality));
                evidence = [];
                texts.Clear();
            }

            paper = arxivId;
            var digestId = reader.GetInt64(1);
            if (!digests.TryGetValue(digestId, out var digest))
            {
                digests[digestId] = digest = (reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<byte[]>(3));
            }

            var formatName = reader.GetString(5);
            texts.Add((formatName, reader.GetInt64(14)));
            var format = SourceFormats.Named(formatName).Format;
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
            states.Add(Reconcile(paper, evidence, texts, quality));
        }

        return states;
    }

    /// <summary>Reconciles one paper and stages its quality facts, which need the versions reconciliation assigns.</summary>
    /// <param name="texts">Each entry's format name and text hash, in the order of <paramref name="evidence"/>.</param>
    private static PaperState Reconcile(string arxivId, List<EvidenceFacts> evidence, List<(string Format, long TextHash)> texts, CopyRows quality)
    {
        var state = PaperReconciler.Reconcile(arxivId, evidence);
        var entries = new QualityEntry[evidence.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = evidence[i];
            entries[i] = new QualityEntry(entry.DigestId, texts[i].Format, entry.Version ?? AssignedVersion(state, entry), texts[i].TextHash);
        }

        var facts = PaperQuality.Of(entries);
        quality.StartRow(5);
        quality.Write(arxivId);
        quality.Write(facts.Formats);
        quality.Write(facts.DuplicateEntries);
        quality.Write(facts.ConflictingFormats);
        quality.Write(facts.DifferingFormats);
        return state;
    }

    /// <summary>The version reconciliation assigned an entry that names none (what <c>warehouse.compact_versions</c> will hold for it), if any.</summary>
    private static int? AssignedVersion(PaperState state, EvidenceFacts entry)
    {
        foreach (var assignment in state.DatedAssignments)
        {
            if (assignment.Entry.DigestId == entry.DigestId && assignment.Entry.Line == entry.Line)
            {
                return assignment.Version;
            }
        }

        return null;
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
