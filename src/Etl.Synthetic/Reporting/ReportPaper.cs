namespace Etl.Core.Reporting;

/// <summary>One row of <c>report.papers</c> with its <c>report.paper_versions</c> rows, as the data contract defines them.</summary>
public sealed record ReportPaper(
    string ArxivId,
    int LatestVersion,
    string? Title,
    string? Abstract,
    IReadOnlyList<string> Authors,
    string? PrimaryCategory,
    IReadOnlyList<string> Categories,
    DateTime? PublishedAt,
    DateTime? UpdatedAt,
    string? Doi,
    string? JournalRef,
    string? Comment,
    IReadOnlyList<ReportVersion> Versions);
