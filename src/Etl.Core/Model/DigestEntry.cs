namespace Etl.Core.Model;

/// <summary>
/// One accepted entry of a digest or listing with its normalized values. Detailed entries carry a version
/// and timestamps; compact and listing entries carry neither (reconciliation decides which version they
/// speak for).
/// </summary>
public sealed record DigestEntry
{
    /// <summary>1-based line of the entry's <c>###</c> heading (a listing: of its JSON line) in its file.</summary>
    public required int Line { get; init; }

    public required DigestFormat Format { get; init; }

    /// <summary>arXiv identifier without version, e.g. <c>2009.14721</c> or <c>cs/9810003</c>.</summary>
    public required string ArxivId { get; init; }

    /// <summary>The version the entry names (detailed only).</summary>
    public int? Version { get; init; }

    public string? Title { get; init; }

    public string? Abstract { get; init; }

    /// <summary>Author names in order, normalized (empty for compact entries, which name none).</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>arXiv category codes in the order listed, without duplicates; a compact entry has its digest's category.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public string? PrimaryCategory { get; init; }

    public string? Doi { get; init; }

    public string? JournalRef { get; init; }

    public string? Comment { get; init; }

    /// <summary>UTC submission time of version 1 (detailed only).</summary>
    public DateTime? PublishedAt { get; init; }

    /// <summary>UTC submission time of <see cref="Version"/> (detailed only).</summary>
    public DateTime? UpdatedAt { get; init; }

    /// <summary>A snapshot record: what only records carry (their own rank, every version's timestamp, the fields the export gives back); null for digest entries.</summary>
    public SnapshotRecord? Record { get; init; }
}
