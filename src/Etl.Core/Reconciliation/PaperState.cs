namespace Etl.Core.Reconciliation;

/// <summary>
/// A paper as the evidence says it is. Field values (title, abstract, authors, categories, DOI…) are
/// those of <see cref="FieldsFrom"/>; <see cref="DigestCategories"/> replaces its categories when the
/// fields come from a format whose entries carry only their file's category (compact listings).
/// </summary>
public sealed record PaperState(
    string ArxivId,
    int LatestVersion,
    DateTime? PublishedAt,
    DateTime? UpdatedAt,
    EvidenceFacts FieldsFrom,
    IReadOnlyList<string>? DigestCategories,
    IReadOnlyList<VersionState> Versions,
    IReadOnlyList<DatedAssignment> DatedAssignments);
