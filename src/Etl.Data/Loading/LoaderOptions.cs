namespace Etl.Data.Loading;

/// <summary>How the loader groups files into transactions.</summary>
public sealed record LoaderOptions
{
    /// <summary>
    /// Files are committed in batches of about this many bytes: big enough that a backfill pays the
    /// per-transaction cost (locks, reconciling papers that span files) rarely, small enough that memory
    /// stays flat however large the corpus is.
    /// </summary>
    public long BatchBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Upper bound on files per batch, so a folder of tiny files still commits as it goes.</summary>
    public int BatchFiles { get; init; } = 2_000;
}
