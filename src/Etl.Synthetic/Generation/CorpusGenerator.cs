using System.Globalization;

namespace Etl.Core.Generation;

/// <summary>
/// Synthetic arXiv digest corpora for tests, samples and benchmarks. Output depends only on the options
/// (seeded <see cref="Random"/>; no clock, no GUIDs) and is streamed: the corpus is produced day by day and only
/// the papers of digests still to come are held, so 200,000 papers take little memory.
/// </summary>
/// <remarks>
/// Layout: <c>compact/{cat}/{YYYY-MM-DD}.md</c> (listing of the announcement day, v1 texts),
/// <c>detailed/{cat}/{YYYY-MM-DD}.md</c> (the papers submitted that day, at their version a few days later) and
/// <c>detailed/{cat}/{YYYY-MM-DD}.regen-N.md</c> (the same day written again after one of its papers was revised),
/// <c>listings/{YYYY-MM-DD}.jsonl</c> (the daily JSON-lines listing of the announcement day: the first half of the categories,
/// plus listing-only papers) and now and then its <c>listings/{YYYY-MM-DD}_AI_enhanced_Chinese.jsonl</c> twin. With
/// <see cref="GeneratorOptions.IncludeBadEntries"/>: <c>notes/*.md</c>, <c>*.draft.md</c>, <c>*.empty.md</c> and
/// <c>listings/latest.jsonl</c> files that are not digests, and about 1% malformed detailed entries and listing lines.
/// With <see cref="GeneratorOptions.Snapshots"/>: <c>snapshot/{yyyy}-older/arxiv-metadata-oai-snapshot.json</c> and
/// <c>snapshot/arxiv-metadata-oai-snapshot.json</c>, two arXiv metadata snapshots of the same papers and of older,
/// snapshot-only ones (<see cref="CorpusSnapshots"/>); the other files stay byte for byte as without them.
/// </remarks>
public static class CorpusGenerator
{
    /// <summary>The most entries <see cref="DailyFile"/> writes in one file.</summary>
    public const int MaxDailyEntries = 3000;

    /// <summary>
    /// All files of the corpus, in the order they would have been written. Exactly <see cref="GeneratorOptions.Papers"/>
    /// distinct papers in digests and listings; with <see cref="GeneratorOptions.Snapshots"/>, 6 + Papers/20 snapshot-only papers more.
    /// </summary>
    public static IEnumerable<GeneratedFile> Generate(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (DailyVolume.LastSubmissionDay(options).Year > 2098)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "the corpus would run past 2098, where two-digit years in arXiv ids repeat; start earlier or generate fewer papers");
        }

        return Stream(options);
    }

    /// <summary>A fresh engine per enumeration, so enumerating the result twice gives the same files twice.</summary>
    private static IEnumerable<GeneratedFile> Stream(GeneratorOptions options)
    {
        foreach (var file in new CorpusEngine(options).Run())
        {
            yield return file;
        }
    }

    /// <summary>
    /// A detailed digest of <paramref name="entries"/> brand-new papers for incremental loads: file
    /// <paramref name="index"/> is dated <paramref name="index"/> days after the first of the month that follows the
    /// corpus's last submission by more than a year, in category <c>Categories[index % count]</c>. Its ids are
    /// <c>YYMM.NNNNN</c> of that month with NNNNN in a block of its day, so they never collide with the corpus
    /// of the same options or with another index. Authors come from the corpus's people.
    /// </summary>
    public static GeneratedFile DailyFile(GeneratorOptions options, int entries, int index)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(entries, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entries, MaxDailyEntries);
        ArgumentOutOfRangeException.ThrowIfNegative(index);

        var last = DailyVolume.LastSubmissionDay(options);
        var date = new DateOnly(last.Year, last.Month, 1).AddMonths(13).AddDays(index);
        if (date.Year > 2098)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "the daily file would be dated after 2098, where two-digit years in arXiv ids repeat");
        }

        var category = options.Categories[index % options.Categories.Count];
        var random = Rng.For(options.Seed, 0xDA11, index);
        var factory = new PaperFactory(options);
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var seconds = new int[entries];
        for (var i = 0; i < entries; i++)
        {
            seconds[i] = random.Next(86_400);
        }

        Array.Sort(seconds);
        var yymm = (date.Year % 100 * 100) + date.Month;
        var papers = new List<SyntheticPaper>(entries);
        for (var k = 0; k < entries; k++)
        {
            var published = midnight.AddSeconds(seconds[k]);
            DateTime[] versions = random.Chance(0.1)
                ? [published, published.AddSeconds(random.Next(3_600, 86_400))]
                : [published];
            var id = string.Create(CultureInfo.InvariantCulture, $"{yymm:D4}.{((date.Day - 1) * MaxDailyEntries) + k + 1:D5}");
            papers.Add(factory.Create(random, id, factory.Categories.WithCrossLists(random, category), versions));
        }

        var content = DigestRenderer.Detailed(
            category,
            date,
            papers,
            midnight.AddDays(2),
            factory.Authors,
            options.IncludeBadEntries ? Rng.For(options.Seed, 0xBAD, index) : null);
        return new GeneratedFile(string.Create(CultureInfo.InvariantCulture, $"detailed/{category}/{date:yyyy-MM-dd}.md"), content, entries);
    }
}
