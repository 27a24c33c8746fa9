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
    /// <summary>True when the user should look at the file: it, or some of its entries, did not load.</summary>
    public bool HasRejections =>
        Kind is FileOutcomeKind.Rejected or FileOutcomeKind.LoadedWithRejections or FileOutcomeKind.Unreadable || PreviousOutcome is "rejected" or "loaded_with_rejections";
}
