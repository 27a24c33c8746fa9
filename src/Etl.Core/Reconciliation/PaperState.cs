namespace Etl.Core.Reconciliation;

/// <summary>
/// A paper as the evidence says it is. Field values (title, abstract, authors, categories, DOI…) are
/// those of <see cref="FieldsFrom"/>; <see cref="CompactCategories"/> replaces its categories when the
/// paper is known only from compact listings.
/// </summary>
public sealed record PaperState(
    string ArxivId,
    int LatestVersion,
    DateTime? PublishedAt,
    DateTime? UpdatedAt,
    EvidenceFacts FieldsFrom,
    IReadOnlyList<string>? CompactCategories,
    IReadOnlyList<VersionState> Versions,
    IReadOnlyList<CompactAssignment> CompactAssignments);
