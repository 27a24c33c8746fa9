namespace Etl.Data.Loading;

/// <summary>Totals of one load run.</summary>
public sealed record LoadSummary(
    int Files,
    int FilesLoaded,
    int FilesAlreadyLoaded,
    int FilesRejected,
    long Entries,
    long RejectedEntries,
    long NewPapers,
    long NewVersions,
    long Bytes,
    TimeSpan Elapsed)
{
    /// <summary>Where this load's time went, phase by phase (<c>etl ingest --timings</c> prints it).</summary>
    public IReadOnlyDictionary<string, TimeSpan> Timings { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>The loaded snapshots' records: new, changed and unchanged (null when no snapshot was loaded).</summary>
    public RecordCounts? Records { get; init; }

    public bool AnyRejected => FilesRejected > 0 || RejectedEntries > 0;
}
