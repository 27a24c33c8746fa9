using Etl.Core.Model;

namespace Etl.Core.Generation;

/// <summary>A file due on some day: which format, category and date, which papers, and as of when.</summary>
internal sealed class Emission
{
    public required DigestFormat Format { get; init; }

    /// <summary>The digest's category; empty for listings, which span categories.</summary>
    public required string Category { get; init; }

    /// <summary>The date in the header or file name: the announcement day (compact, listing) or the submission day (detailed).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Detailed: each paper shows the highest version submitted before this instant.</summary>
    public DateTime AsOf { get; init; }

    /// <summary>0 for the first detailed digest of a day; k for its k-th regeneration.</summary>
    public int Regeneration { get; init; }

    public List<SyntheticPaper> Papers { get; init; } = [];
}
