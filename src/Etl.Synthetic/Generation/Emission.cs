namespace Etl.Core.Generation;

/// <summary>A digest file due on some day: which category and header date, which papers, and as of when.</summary>
internal sealed class Emission
{
    public required bool Compact { get; init; }

    public required string Category { get; init; }

    /// <summary>The date in the header: the announcement day (compact) or the submission day (detailed).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Detailed: each paper shows the highest version submitted before this instant.</summary>
    public DateTime AsOf { get; init; }

    /// <summary>0 for the first detailed digest of a day; k for its k-th regeneration.</summary>
    public int Regeneration { get; init; }

    public List<SyntheticPaper> Papers { get; init; } = [];
}
