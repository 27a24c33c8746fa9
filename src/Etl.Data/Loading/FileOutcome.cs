using Etl.Core.Model;

namespace Etl.Data.Loading;

/// <summary>What happened to one file.</summary>
public sealed record FileOutcome(
    string Path,
    FileOutcomeKind Kind,
    int Entries,
    IReadOnlyList<EntryRejection> Rejections,
    string? Reason = null,
    string? PreviousOutcome = null)
{
    /// <summary>A snapshot's records: how many were new, changed and unchanged (<see cref="Entries"/> counts the new and changed ones it stored); null for other files.</summary>
    public RecordCounts? Records { get; init; }

    /// <summary>True when the user should look at the file: it, or some of its entries, did not load.</summary>
    public bool HasRejections =>
        Kind is FileOutcomeKind.Rejected or FileOutcomeKind.LoadedWithRejections or FileOutcomeKind.Unreadable || PreviousOutcome is "rejected" or "loaded_with_rejections";
}
