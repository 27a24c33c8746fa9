namespace Etl.Data.Loading;

/// <summary>How the loader groups files into transactions.</summary>
public sealed record LoaderOptions
{
    /// <summary>
    /// 64 MB: at 200,000 papers, 128-256 MB batches were about a tenth faster, but a corpus that fits in one
    /// batch then peaks well below a large one (the benchmark's memory growth 20-26% against its 20%, or
    /// 240-259 MB at 200,000 papers with the other settings as they are); docs/benchmarks.md, "Batch size and memory".
    /// </summary>
    public const int DefaultBatchMegabytes = 64;

    /// <summary>
    /// Files are committed in batches of about this many bytes: big enough that a backfill pays the
    /// per-transaction cost (locks, reconciling papers that span files) rarely, small enough that memory
    /// stays flat however large the corpus is.
    /// </summary>
    /// <remarks>
    /// Only one file's bytes are in memory at a time (files are hashed first and read again when parsed),
    /// so this bounds the reconcile work per transaction, not the memory of raw input.
    /// </remarks>
    public long BatchBytes { get; init; } = DefaultBatchMegabytes * 1024L * 1024;

    /// <summary>Upper bound on files per batch, so a folder of tiny files still commits as it goes.</summary>
    public int BatchFiles { get; init; } = 20_000;

    /// <summary>
    /// Load files in order of the date their header names (then path) rather than as given. The result
    /// is the same either way (order independence); the speed is not: a paper's entries then sit in few
    /// batches, so it is reconciled and rewritten once or twice in a backfill instead of once per batch.
    /// </summary>
    public bool OrderByDigestDate { get; init; } = true;

    /// <summary>
    /// Files larger than this are streamed: checked in a first pass, then parsed piece by piece into the
    /// COPY, and the papers and author spellings they touch are read back from their evidence instead of
    /// being gathered in memory. What a load holds then grows with <see cref="BatchBytes"/> and
    /// <see cref="ReconcileKeys"/>, never with the size of one file. The result is the same either way.
    /// </summary>
    public long StreamAboveBytes { get; init; } = DigestReader.StreamAboveBytes;

    /// <summary>Whether a file of this size is streamed (<see cref="StreamAboveBytes"/>).</summary>
    public bool Streams(long bytes) => bytes > StreamAboveBytes;

    /// <summary>
    /// Papers (and authors) reconciled per round trip within a batch (<see cref="KeyRanges"/>): bounds the
    /// reconcile state in memory. An ordinary 64 MB batch fits in one range; the result is the same either way.
    /// </summary>
    public int ReconcileKeys { get; init; } = KeyRanges.Size;

    /// <summary>
    /// A batch that touches at least a tenth of the warehouse's papers (every batch into an empty warehouse,
    /// most batches of a backfill) adds the foreign keys of the papers' tables after its rows, as pg_restore
    /// does (<c>sql/load/keys_set_aside.sql</c>): one check of each table instead of a query per row. Queries
    /// of those tables wait for that batch meanwhile, so the service, whose status page counts the papers
    /// while it loads, turns it off.
    /// </summary>
    public bool SetKeysAside { get; init; } = true;
}
