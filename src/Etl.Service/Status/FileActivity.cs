namespace Etl.Service.Status;

/// <summary>One file a load job handled, as the status page lists it.</summary>
/// <param name="Seconds">How long the job's load took (the files of a job commit together).</param>
/// <param name="FilesInJob">How many files that load carried.</param>
public sealed record FileActivity(
    string Path,
    string Outcome,
    int Entries,
    int RejectedEntries,
    double Seconds,
    int FilesInJob,
    DateTimeOffset At,
    string? Reason);
