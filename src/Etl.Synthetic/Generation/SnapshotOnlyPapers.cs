using System.Globalization;

namespace Etl.Core.Generation;

/// <summary>
/// Papers that only the snapshots hold: older papers, submitted before the corpus starts, so their ids (from
/// months before <see cref="GeneratorOptions.StartDate"/>) can never be ids of the corpus. A third have old-style
/// ids from 1992 to March 2007 (<c>math/0601001</c>, <c>cs/0412003</c>), the rest new-style ids of the fifteen
/// years before the corpus. A few are signed by a large collaboration. Authors come from the corpus's people, so
/// these papers weigh in on the same authors' display names.
/// </summary>
internal static class SnapshotOnlyPapers
{
    private const long Key = 0x5010;

    private static readonly DateOnly FirstOldStyleDay = new(1992, 1, 1);
    private static readonly DateOnly LastOldStyleDay = new(2007, 3, 31);
    private static readonly DateOnly FirstNewStyleDay = new(2007, 4, 1);

    /// <summary>Physics archives whose collaborations sign papers by the hundred.</summary>
    private static readonly string[][] CollaborationCategories = [["hep-ex"], ["hep-ex", "physics.ins-det"], ["astro-ph.HE", "gr-qc"], ["gr-qc"]];

    /// <summary>How many snapshot-only papers a corpus of <paramref name="papers"/> papers gets.</summary>
    public static int Count(int papers) => 6 + (papers / 20);

    /// <summary>How many of them (the last ones) are signed by a collaboration.</summary>
    public static int CollaborationPapers(int papers) => 2 + (papers / 2000);

    /// <param name="people">The snapshots' pool: the corpus's people first (the same indexes), then enough others for a collaboration.</param>
    public static List<SyntheticPaper> Create(GeneratorOptions options, PaperFactory factory, AuthorPool people)
    {
        var random = Rng.For(options.Seed, Key);
        var collaborations = new[] { new Collaboration(random, people), new Collaboration(random, people) };
        var lastDay = options.StartDate.AddDays(-1);
        var newStyleFrom = Max(FirstNewStyleDay, options.StartDate.AddYears(-15));
        var oldStyleTo = Min(LastOldStyleDay, lastDay);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = Count(options.Papers);
        var firstCollaboration = count - CollaborationPapers(options.Papers);
        var papers = new List<SyntheticPaper>(count);
        for (var j = 0; j < count; j++)
        {
            var oldStyle = j % 3 == 0 || newStyleFrom > lastDay;
            var day = oldStyle ? Between(random, FirstOldStyleDay, oldStyleTo) : Between(random, newStyleFrom, lastDay);
            var published = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddSeconds(random.Next(86_400));
            var announced = CorpusEngine.AnnouncementDay(day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var versions = PaperFactory.VersionTimes(random, published, announced);
            var collaboration = j >= firstCollaboration ? collaborations[j % 2] : null;
            var categories = collaboration is null ? factory.Categories.Choose(random) : random.Pick(CollaborationCategories);
            var id = NextId(numbers, day, oldStyle ? IdAllocator.OldStylePrefix(categories[0], random) : null);
            papers.Add(collaboration is null
                ? factory.Create(random, id, categories, versions)
                : collaboration.Paper(random, people, id, categories, versions));
        }

        return papers;
    }

    /// <summary>The next id of the month: <c>prefix/YYMMNNN</c> when old style, else <c>YYMM.NNNN</c> (five digits from 2015).</summary>
    private static string NextId(Dictionary<string, int> numbers, DateOnly day, string? oldStylePrefix)
    {
        var yymm = (day.Year % 100 * 100) + day.Month;
        var key = oldStylePrefix is null
            ? yymm.ToString("D4", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{oldStylePrefix}/{yymm:D4}");
        var number = numbers.GetValueOrDefault(key) + 1;
        numbers[key] = number;
        return oldStylePrefix is not null
            ? string.Create(CultureInfo.InvariantCulture, $"{key}{number:D3}")
            : day.Year >= 2015
                ? string.Create(CultureInfo.InvariantCulture, $"{key}.{number:D5}")
                : string.Create(CultureInfo.InvariantCulture, $"{key}.{number:D4}");
    }

    private static DateOnly Between(Random random, DateOnly from, DateOnly to) => from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
