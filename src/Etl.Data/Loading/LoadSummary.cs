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
    public bool AnyRejected => FilesRejected > 0 || RejectedEntries > 0;
}
