namespace Etl.Data.Schema;

/// <summary>A reconciled paper (<c>warehouse.papers</c>); derived from evidence, rewritten by every load that touches it.</summary>
public sealed class Paper
{
    public required string ArxivId { get; set; }

    public int LatestVersion { get; set; }

    public string? Title { get; set; }

    public string? Abstract { get; set; }

    public string? PrimaryCategory { get; set; }

    public DateTime? PublishedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public string? Doi { get; set; }

    public string? JournalRef { get; set; }

    public string? Comment { get; set; }
}
