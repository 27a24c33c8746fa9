namespace Etl.Core.Reporting;

/// <summary>One row of <c>report.paper_versions</c>; <see cref="Source"/> is a <see cref="Model.SourceFormat.Name"/> (<c>detailed</c>, <c>listing</c>, <c>compact</c>) or null.</summary>
public sealed record ReportVersion(int Version, DateTime? SubmittedAt, string? Title, string? Abstract, string? Source);
