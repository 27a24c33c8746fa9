namespace Etl.Data.Reporting;

/// <summary>One row of <c>report.search_papers</c>.</summary>
/// <param name="Snippet">Up to two fragments of the abstract, matched words between « and ».</param>
public sealed record SearchHit(
    string ArxivId,
    int LatestVersion,
    string? Title,
    IReadOnlyList<string> Authors,
    string? PrimaryCategory,
    DateTime? PublishedAt,
    float Rank,
    string Snippet)
{
    /// <summary>The columns of <c>report.search_papers</c>, in order, as <c>etl search</c> prints them.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["arxiv_id", "latest_version", "title", "authors", "primary_category", "published_at", "rank", "snippet"];

    /// <summary>The values in the order of <see cref="Columns"/>.</summary>
    public object?[] Values() => [ArxivId, LatestVersion, Title, Authors.ToArray(), PrimaryCategory, PublishedAt, Rank, Snippet];
}
