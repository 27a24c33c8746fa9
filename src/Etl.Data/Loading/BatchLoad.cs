using System.Diagnostics;
using System.Runtime.InteropServices;
using Etl.Core.Model;
using Etl.Core.Normalization;
using Etl.Core.Parsing;
using Etl.Data.Discovery;
using Npgsql;

namespace Etl.Data.Loading;

/// <summary>
/// Loads one batch of files in one transaction: claim the new contents, COPY their evidence, reconcile
/// the papers they touch, replace those papers' rows. Everything commits together or not at all, so a
/// crash leaves every file either loaded or untouched; running a batch again loads nothing twice.
/// </summary>
internal sealed class BatchLoad(IReadOnlyList<DigestFile> files, LoaderOptions options, Action<int, long>? fileDone)
{
    private readonly List<FileOutcome> _outcomes = [];

    /// <summary>The share of the warehouse's papers from which a batch sets their foreign keys aside (<see cref="SetKeysAsideAsync"/>).</summary>
    private const double KeysSetAsideShare = 0.1;

    // Gathered while parsing, so the batch's evidence is never read back just to find them; except for
    // streamed files (LoaderOptions.StreamAboveBytes), whose entries may be too many to gather.
    private readonly HashSet<string> _touchedPapers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Key, string Spelling), long> _spellings = [];
    private readonly List<long> _readBack = [];

    public long NewPapers { get; private set; }

    public long NewVersions { get; private set; }

    public IReadOnlyList<FileOutcome> Outcomes => _outcomes;

    /// <summary>
    /// Bring the author store up to date in this batch's transaction (<see cref="Reporting.ReportStore.DrainAsync(NpgsqlConnection, bool, LoadTimings?, CancellationToken)"/>):
    /// set for a load's last batch, so the store is computed once per load and commits with it.
    /// </summary>
    public bool DrainAuthorStore { get; init; }

    /// <summary>
    /// Asked under the load lock when this batch would drain something: true when a load queued behind this
    /// one will drain instead (see <see cref="WarehouseLoader.LoadAsync"/>).
    /// </summary>
    public Func<bool>? LaterLoadDrains { get; init; }

    /// <summary>
    /// Whether this batch's committed transaction drained the author store, or left that to a later load
    /// (<see cref="LaterLoadDrains"/>); not when the batch rolled back.
    /// </summary>
    public bool Drained { get; private set; }

    /// <summary>Called every <see cref="ProgressEvery"/> records while a snapshot loads, with its records and (estimated) bytes so far.</summary>
    public Action<long, long>? FileProgress { get; init; }

    /// <summary>How often a snapshot's load reports its progress, in records.</summary>
    public const int ProgressEvery = 20_000;

    /// <summary>Where this batch's time went; the load passes one instance to all its batches.</summary>
    public LoadTimings LoadTimings { get; init; } = new();

    public async Task RunAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        _outcomes.Clear();
        Drained = false;
        _touchedPapers.Clear();
        _spellings.Clear();
        _readBack.Clear();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var parsedAhead = await ParseAheadAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LoadSql.RunAsync(connection, "begin_batch", cancellationToken).ConfigureAwait(false);

        var known = await KnownContentsAsync(connection, cancellationToken).ConfigureAwait(false);
        var fresh = new List<DigestFile>();
        foreach (var file in files)
        {
            var sha = file.ShaHex;
            if (known.TryGetValue(sha, out var previous))
            {
                _outcomes.Add(new FileOutcome(file.Path, FileOutcomeKind.AlreadyLoaded, 0, [], PreviousOutcome: previous));
                fileDone?.Invoke(0, file.Bytes);
                continue;
            }

            known[sha] = "loaded";
            fresh.Add(file);
        }

        if (fresh.Count == 0)
        {
            await DrainAsync(connection, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var ids = await ReserveDigestIdsAsync(connection, fresh.Count, cancellationToken).ConfigureAwait(false);
        var phase = Stopwatch.GetTimestamp();
        List<StoredDigest> digests;
        try
        {
            var held = await HeldRecordsAsync(connection, fresh, cancellationToken).ConfigureAwait(false);
            digests = await CopyEvidenceAsync(connection, fresh, ids, parsedAhead, held, cancellationToken).ConfigureAwait(false);
            await CountRecordsAsync(connection, digests, cancellationToken).ConfigureAwait(false);
        }
        catch (StreamedFileChangedException changed) when (files.Count == 1)
        {
            // The batch is this one streamed file (WarehouseLoader gives each its own): rolling back skips it alone.
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            _outcomes.Clear();
            _outcomes.Add(new FileOutcome(files[0].Path, FileOutcomeKind.Unreadable, 0, [], changed.Reason));
            return;
        }

        _outcomes.AddRange(digests.Select(digest => digest.Outcome()));
        await CopyDigestsAsync(connection, digests, cancellationToken).ConfigureAwait(false);
        await DigestOutcome.CopyRejectionsAsync(connection, digests.Select(digest => (digest.DigestId, digest.Parsed)), cancellationToken).ConfigureAwait(false);
        LoadTimings.Add("parse + COPY evidence", phase);

        await StageTouchedAsync(connection, cancellationToken).ConfigureAwait(false);
        phase = Stopwatch.GetTimestamp();
        await LoadSql.RunAsync(connection, "touch_batch", cancellationToken).ConfigureAwait(false);
        var (papersBefore, versionsBefore) = await CountTouchedAsync(connection, cancellationToken).ConfigureAwait(false);
        LoadTimings.Add("touched papers + author counts", phase);
        phase = Stopwatch.GetTimestamp();
        await AuthorNames.StageAsync(connection, options.ReconcileKeys, cancellationToken).ConfigureAwait(false);
        LoadTimings.Add("author display names", phase);
        phase = Stopwatch.GetTimestamp();
        var digestPapers = new DigestPaperCounts(digests.Select(digest => digest.DigestId));
        var (papersAfter, versionsAfter) = await PaperRebuild.StageAsync(connection, options.ReconcileKeys, digestPapers, cancellationToken).ConfigureAwait(false);
        await digestPapers.CopyAsync(connection, cancellationToken).ConfigureAwait(false);
        LoadTimings.Add("read facts + reconcile + stage", phase);
        phase = Stopwatch.GetTimestamp();
        var keysSetAside = await SetKeysAsideAsync(connection, cancellationToken).ConfigureAwait(false);
        await LoadSql.RunAsync(connection, "apply_papers", cancellationToken).ConfigureAwait(false);
        LoadTimings.Add("apply papers (SQL)", phase);
        if (keysSetAside)
        {
            phase = Stopwatch.GetTimestamp();
            await LoadSql.RunAsync(connection, "keys_restored", cancellationToken).ConfigureAwait(false);
            LoadTimings.Add("foreign keys restored (large batch)", phase);
        }

        await Reporting.ReportStore.RefreshTouchedAsync(connection, LoadTimings, cancellationToken).ConfigureAwait(false);
        await DrainAsync(connection, cancellationToken).ConfigureAwait(false);
        phase = Stopwatch.GetTimestamp();
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LoadTimings.Add("commit (deferred FK checks)", phase);

        NewPapers = papersAfter - papersBefore;
        NewVersions = versionsAfter - versionsBefore;
    }

    private async Task DrainAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!DrainAuthorStore)
        {
            return;
        }

        await Reporting.ReportStore.DrainAsync(connection, everything: false, LoadTimings, cancellationToken, LaterLoadDrains).ConfigureAwait(false);
        Drained = true;
    }

    /// <summary>
    /// A batch that touches at least <see cref="KeysSetAsideShare"/> of the warehouse's papers (every batch
    /// into an empty one) writes its rows without the papers' foreign keys, which are added back (and so
    /// checked, set-based) before it commits (<c>sql/load/keys_set_aside.sql</c>), unless the options say
    /// not to or another session is using the tables. Adding the keys back checks whole tables, one anti-join
    /// each (about 5 µs per paper of the warehouse); checking them row by row costs 40-75 µs for each paper
    /// the batch writes (a query per author, category and version row; measured on a 200,000-paper
    /// backfill). The two cost about the same near a tenth of the papers; past it, setting aside wins.
    /// </summary>
    private async Task<bool> SetKeysAsideAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!options.SetKeysAside)
        {
            return false;
        }

        // The warehouse's papers are counted only as far as deciding needs: a daily file's hundred papers
        // read at most a thousand keys of the index, whatever the warehouse's size.
        await using (var large = new NpgsqlCommand(
            """
            SELECT batch.papers >= @share * (SELECT count(*) FROM (SELECT FROM warehouse.papers LIMIT ceil(batch.papers / @share)::bigint + 1) AS p)
            FROM (SELECT count(*) AS papers FROM touched_papers) AS batch
            """,
            connection))
        {
            large.Parameters.AddWithValue("share", KeysSetAsideShare);
            if (await large.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return false;
            }
        }

        await using var setAside = LoadSql.Command(EmbeddedSql.Load("keys_set_aside"), connection);
        return await setAside.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    /// <summary>
    /// A snapshot (always a batch of its own, see <see cref="WarehouseLoader"/>): which of its records are new to
    /// the warehouse, learned before its COPY starts; null for a batch of digests.
    /// </summary>
    /// <exception cref="StreamedFileChangedException">The snapshot changed or cannot be read any more: its batch is skipped.</exception>
    private static async Task<HeldRecords?> HeldRecordsAsync(NpgsqlConnection connection, List<DigestFile> fresh, CancellationToken cancellationToken)
    {
        if (fresh is not [{ IsSnapshot: true } snapshot])
        {
            return null;
        }

        try
        {
            return await HeldRecords.ReadAsync(connection, snapshot, cancellationToken).ConfigureAwait(false)
                ?? throw new StreamedFileChangedException(snapshot.Path, DigestReader.Changed, innerException: null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StreamedFileChangedException(snapshot.Path, DigestReader.CannotRead(exception), exception);
        }
        catch (InvalidDataException)
        {
            return null; // not decompressible: its parse rejects the file whole, with the reason
        }
    }

    /// <summary>How many of each snapshot's stored records are new and how many changed a paper that had a record.</summary>
    private static async Task CountRecordsAsync(NpgsqlConnection connection, List<StoredDigest> digests, CancellationToken cancellationToken)
    {
        foreach (var digest in digests)
        {
            if (digest.Records is { } records)
            {
                var (created, changed) = await HeldRecords.CountStoredAsync(connection, digest.DigestId, cancellationToken).ConfigureAwait(false);
                digest.Records = records with { New = created, Changed = changed };
            }
        }
    }

    private async Task<List<StoredDigest>> CopyEvidenceAsync(
        NpgsqlConnection connection,
        List<DigestFile> fresh,
        long[] ids,
        Dictionary<DigestFile, ParsedFile>? parsedAhead,
        HeldRecords? held,
        CancellationToken cancellationToken)
    {
        List<StoredDigest> Produce(CopyRows rows)
        {
            var digests = new List<StoredDigest>(fresh.Count);
            for (var i = 0; i < fresh.Count; i++)
            {
                var file = fresh[i];

                // A snapshot's papers and spellings are read back from the records it stored, like a streamed file's.
                var streamed = options.Streams(file.Bytes) || file.IsSnapshot;
                var digestId = ids[i];
                var repeats = 0;
                var read = 0L;

                // A snapshot's lines whose records the warehouse holds are not parsed (HeldRecords): most of a weekly one.
                Func<int, bool>? parsesLine = held is null ? null : line =>
                {
                    if (++read % ProgressEvery == 0)
                    {
                        FileProgress?.Invoke(read, held.BytesBefore(line, file.Bytes));
                    }

                    return held.Parses(line);
                };
                void Store(DigestEntry entry, string[] keys)
                {
                    if (held is not null && !held.Stores(entry.Line))
                    {
                        repeats++; // a line repeated in the file: its record is stored at its first occurrence
                        return;
                    }

                    if (!streamed)
                    {
                        Gather(entry, keys);
                    }

                    EvidenceCopy.Write(rows, digestId, entry, keys);
                }

                if (parsedAhead?.GetValueOrDefault(file) is not { } parsedFile)
                {
                    // Entries flow from the file straight into the COPY: a batch never holds a file's parsed entries.
                    var (parsed, entries, problem) = DigestReader.ReadAndParse(file.Path, file.Sha256, streamed, entry => Store(entry, AuthorKeys(entry)), parsesLine);
                    parsedFile = new ParsedFile(parsed, entries, [], problem);
                }
                else
                {
                    foreach (var (entry, keys) in parsedFile.Entries)
                    {
                        Store(entry, keys);
                    }
                }

                if (parsedFile.Parsed is null)
                {
                    // Deleted, unreadable or changed since it was hashed: skipped alone, the rest of the batch loads.
                    _outcomes.Add(new FileOutcome(file.Path, FileOutcomeKind.Unreadable, 0, [], parsedFile.Problem));
                    fileDone?.Invoke(0, file.Bytes);
                    continue;
                }

                if (streamed)
                {
                    _readBack.Add(digestId);
                }

                var notParsed = held?.HeldLines ?? 0;
                var stored = new StoredDigest(digestId, file, parsedFile.Parsed, parsedFile.Count - repeats)
                {
                    Records = parsedFile.Parsed.Header?.Format == DigestFormat.Snapshot ? new RecordCounts(0, 0, notParsed + repeats) : null,
                };
                digests.Add(stored);
                fileDone?.Invoke(parsedFile.Count + notParsed, file.Bytes);
            }

            return digests;
        }

        if (parsedAhead is null)
        {
            return await CopyRows.StreamAsync(connection, EvidenceCopy.Command, Produce, cancellationToken).ConfigureAwait(false);
        }

        // Parsed ahead: the rows are all encoded before the COPY starts.
        var rows = new CopyRows(EvidenceCopy.Command);
        var digests = Produce(rows);
        await rows.CopyAsync(connection, cancellationToken).ConfigureAwait(false);
        return digests;
    }

    /// <summary>
    /// A small batch (a daily file, a service job: at most <see cref="LoaderOptions.StreamAboveBytes"/> in
    /// all) is read and parsed before its transaction starts, so the load lock and the database wait for
    /// database work only; a larger one streams its entries into the COPY as they are parsed, and memory
    /// stays bounded by one file. Files the warehouse already holds are not parsed (looked up without the
    /// lock: the check in the transaction decides, and a file not parsed here is parsed there).
    /// </summary>
    private async Task<Dictionary<DigestFile, ParsedFile>?> ParseAheadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (files.Sum(file => file.Bytes) > options.StreamAboveBytes || files.Any(file => file.IsSnapshot))
        {
            return null;
        }

        var phase = Stopwatch.GetTimestamp();
        var known = await KnownContentsAsync(connection, cancellationToken).ConfigureAwait(false);
        var parsed = files.Distinct().Where(file => !known.ContainsKey(file.ShaHex)).ToDictionary(file => file, ParseAhead);
        if (parsed.Count > 0)
        {
            LoadTimings.Add("parse (before the transaction)", phase);
        }

        return parsed;
    }

    private static ParsedFile ParseAhead(DigestFile file)
    {
        var entries = new List<(DigestEntry, string[])>();
        var (parsed, count, problem) = DigestReader.ReadAndParse(file.Path, file.Sha256, streamed: false, entry => entries.Add((entry, AuthorKeys(entry))));
        return new ParsedFile(parsed, count, entries, problem);
    }

    private static string[] AuthorKeys(DigestEntry entry)
    {
        var keys = new string[entry.Authors.Count];
        for (var a = 0; a < keys.Length; a++)
        {
            keys[a] = AuthorKey.For(entry.Authors[a]);
        }

        return keys;
    }

    private void Gather(DigestEntry entry, string[] keys)
    {
        _touchedPapers.Add(entry.ArxivId);
        for (var a = 0; a < keys.Length; a++)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_spellings, (keys[a], entry.Authors[a]), out _)++;
        }
    }

    private async Task StageTouchedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var papers = new CopyRows("COPY touched_papers (arxiv_id) FROM STDIN (FORMAT BINARY)");
        foreach (var arxivId in _touchedPapers)
        {
            papers.StartRow(1);
            papers.Write(arxivId);
        }

        await papers.CopyAsync(connection, cancellationToken).ConfigureAwait(false);

        var spellings = new CopyRows("COPY staged_spellings (author_key, spelling, entries) FROM STDIN (FORMAT BINARY)");
        foreach (var ((key, spelling), entries) in _spellings)
        {
            spellings.StartRow(3);
            spellings.Write(key);
            spellings.Write(spelling);
            spellings.Write(entries);
        }

        await spellings.CopyAsync(connection, cancellationToken).ConfigureAwait(false);

        if (_readBack.Count > 0)
        {
            await using var readBack = LoadSql.Command(EmbeddedSql.Load("touch_from_evidence"), connection);
            readBack.Parameters.AddWithValue("digest_ids", _readBack.ToArray());
            await readBack.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CopyDigestsAsync(NpgsqlConnection connection, List<StoredDigest> digests, CancellationToken cancellationToken)
    {
        var rows = new CopyRows(
            "COPY warehouse.digests (digest_id, sha256, path, bytes, format, category, digest_date, entries, rejected_entries, outcome, rules_version, mojibake_repairs, records_new, records_changed, records_unchanged) FROM STDIN (FORMAT BINARY)");
        foreach (var digest in digests)
        {
            var header = digest.Parsed.Header;
            rows.StartRow(15);
            rows.Write(digest.DigestId);
            rows.Write(digest.File.Sha256);
            rows.Write(digest.File.Path);
            rows.Write(digest.File.Bytes);
            rows.Write(header is null ? null : EvidenceCopy.FormatName(header.Format));
            rows.Write(header?.Category);
            rows.Write(header?.Date);
            rows.Write(digest.Entries);
            rows.Write(digest.Parsed.Rejections.Count);
            rows.Write(digest.OutcomeName);
            rows.Write(ParsingRules.Version);
            rows.Write(digest.Parsed.MojibakeRepairs);
            rows.Write((int?)digest.Records?.New);
            rows.Write((int?)digest.Records?.Changed);
            rows.Write((int?)digest.Records?.Unchanged);
        }

        await rows.CopyAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Contents of this batch already in the warehouse, with how they went. Authoritative: we hold the load lock.</summary>
    private async Task<Dictionary<string, string>> KnownContentsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT sha256, outcome FROM warehouse.digests WHERE sha256 = ANY(@shas)", connection);
        command.Parameters.AddWithValue("shas", files.Select(f => f.Sha256).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            known[Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(0))] = reader.GetString(1);
        }

        return known;
    }

    private static async Task<long[]> ReserveDigestIdsAsync(NpgsqlConnection connection, int count, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT array_agg(nextval(pg_get_serial_sequence('warehouse.digests', 'digest_id')) ORDER BY n) FROM generate_series(1, @count) AS n", connection);
        command.Parameters.AddWithValue("count", count);
        return (long[])(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<(long Papers, long Versions)> CountTouchedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = LoadSql.Command(EmbeddedSql.Load("count_touched"), connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>A file's parse (null with the problem when it cannot be loaded now), its entry count, and its entries when parsed ahead.</summary>
    private sealed record ParsedFile(ParsedDigest? Parsed, int Count, List<(DigestEntry Entry, string[] Keys)> Entries, string? Problem);

    /// <param name="Entries">The evidence rows it stored (a snapshot: its new and changed records).</param>
    private sealed record StoredDigest(long DigestId, DigestFile File, ParsedDigest Parsed, int Entries)
    {
        public string OutcomeName => DigestOutcome.Name(Parsed);

        /// <summary>A snapshot's records by what they were to the warehouse; null for other files.</summary>
        public RecordCounts? Records { get; set; }

        public FileOutcome Outcome() => Parsed.Header is null
            ? new FileOutcome(File.Path, FileOutcomeKind.Rejected, 0, [], Parsed.FileRejection)
            : new FileOutcome(File.Path, Parsed.Rejections.Count > 0 ? FileOutcomeKind.LoadedWithRejections : FileOutcomeKind.Loaded, Entries, Parsed.Rejections) { Records = Records };
    }
}
