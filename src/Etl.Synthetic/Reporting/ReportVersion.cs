namespace Etl.Core.Reporting;

/// <summary>One row of <c>report.paper_versions</c>; <see cref="Source"/> is <c>detailed</c>, <c>compact</c> or null.</summary>
public sealed record ReportVersion(int Version, DateTime? SubmittedAt, string? Title, string? Abstract, string? Source);
