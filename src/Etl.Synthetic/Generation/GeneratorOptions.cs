using Etl.Core.Parsing;

namespace Etl.Core.Generation;

/// <summary>
/// What <see cref="CorpusGenerator"/> produces: how many distinct papers, from which seed, starting when,
/// in which categories, and whether malformed entries and non-digest files are sprinkled in.
/// The same options always give byte-identical output.
/// </summary>
public sealed record GeneratorOptions
{
    /// <summary>The largest corpus the id scheme and the calendar (years before 2100) can hold.</summary>
    public const int MaxPapers = 5_000_000;

    /// <summary>The categories used when none are given: a mix of busy and quiet ones.</summary>
    public static IReadOnlyList<string> DefaultCategories { get; } = ["cs.CV", "cs.CL", "cs.IR", "cs.LG", "math.AG", "stat.ML"];

    /// <summary>Exactly how many distinct papers (arXiv ids) the corpus contains, 1 to <see cref="MaxPapers"/>.</summary>
    public required int Papers { get; init; }

    /// <summary>Seed of every random choice (<see cref="System.Random"/>); nothing else varies the output.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The first submission day; digests follow day by day from there.</summary>
    public DateOnly StartDate { get; init; } = new(2020, 1, 6);

    /// <summary>Categories that get digest files; every paper's primary category is one of them (the first ones are busier).</summary>
    public IReadOnlyList<string> Categories { get; init; } = DefaultCategories;

    /// <summary>When true, about 1% of detailed entries get a malformed Arxiv ID or Published field, about 1% of listing lines are broken, and a few files are not digests.</summary>
    public bool IncludeBadEntries { get; init; }

    /// <summary>
    /// When true, the corpus also has two arXiv metadata snapshots (JSON lines as Cornell's Kaggle file):
    /// <c>snapshot/{yyyy}-older/arxiv-metadata-oai-snapshot.json</c>, taken halfway through the submissions, and
    /// <c>snapshot/arxiv-metadata-oai-snapshot.json</c>, 45 days after the last. They hold most of the corpus's
    /// papers as of their day plus 6 + Papers/20 snapshot-only papers older than the corpus (a third with old-style
    /// ids, two or more signed by collaborations of 150 to 3,000 people); with <see cref="IncludeBadEntries"/>, each
    /// also has malformed lines. Off by default: the shipped samples and the tests' corpora are digests and listings
    /// only. Turning it on adds these files and changes no other byte.
    /// </summary>
    public bool Snapshots { get; init; }

    /// <summary>The first day snapshot-only papers can come from: they are older than the corpus, and arXiv ids begin in 1991.</summary>
    internal static DateOnly FirstSnapshotStartDate { get; } = new(1992, 2, 1);

    /// <summary>Throws when the options cannot produce a corpus.</summary>
    internal void Validate()
    {
        if (Papers is < 1 or > MaxPapers)
        {
            throw new ArgumentOutOfRangeException(nameof(Papers), Papers, $"Papers must be between 1 and {MaxPapers:N0}");
        }

        if (StartDate.Year is < 1991 or > 2060)
        {
            throw new ArgumentOutOfRangeException(nameof(StartDate), StartDate, "StartDate must fall in 1991..2060 (arXiv ids carry a two-digit year)");
        }

        if (Snapshots && StartDate < FirstSnapshotStartDate)
        {
            throw new ArgumentOutOfRangeException(nameof(StartDate), StartDate, $"with Snapshots, StartDate must be {FirstSnapshotStartDate:yyyy-MM-dd} or later: snapshot-only papers are older than the corpus");
        }

        if (Categories is null || Categories.Count == 0)
        {
            throw new ArgumentException("at least one category is needed", nameof(Categories));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in Categories)
        {
            if (category is null || !ArxivIds.IsCategory(category))
            {
                throw new ArgumentException($"'{category}' is not an arXiv category code such as cs.CV", nameof(Categories));
            }

            if (!seen.Add(category))
            {
                throw new ArgumentException($"category '{category}' is listed twice", nameof(Categories));
            }
        }
    }
}
