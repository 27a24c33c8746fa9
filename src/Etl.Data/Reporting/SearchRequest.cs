namespace Etl.Data.Reporting;

/// <summary>The arguments of <c>report.search_papers</c> (sql/report/search_papers.sql).</summary>
/// <param name="Query">websearch_to_tsquery syntax: words, "quoted phrases", or, -word.</param>
/// <param name="Category">Any of the paper's categories must be this one; null for any.</param>
/// <param name="Since">First UTC day of v1 submission, inclusive; null for no bound.</param>
/// <param name="Until">Last UTC day of v1 submission, inclusive; null for no bound.</param>
/// <param name="MaxRows">At most this many papers, best first.</param>
public sealed record SearchRequest(string Query, string? Category = null, DateOnly? Since = null, DateOnly? Until = null, int MaxRows = 50);
