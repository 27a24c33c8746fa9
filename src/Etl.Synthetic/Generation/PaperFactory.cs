namespace Etl.Core.Generation;

/// <summary>Draws the small state of a new paper: categories, authors and their spellings, field styles, version times.</summary>
internal sealed class PaperFactory
{
    private static readonly double[] AuthorCounts = [0.08, 0.17, 0.22, 0.20, 0.13, 0.09, 0.06, 0.05];

    public PaperFactory(GeneratorOptions options)
        : this(new AuthorPool(options.Seed, Math.Clamp(options.Papers * 3 / 4, 16, 30_000)), new CategoryPicker(options.Categories))
    {
    }

    /// <summary>Papers by the given people in the given categories (the snapshot benchmark's wider world).</summary>
    public PaperFactory(AuthorPool authors, CategoryPicker categories)
    {
        Authors = authors;
        Categories = categories;
    }

    public AuthorPool Authors { get; }

    public CategoryPicker Categories { get; }

    public SyntheticPaper Create(Random random, string id, string[] categories, DateTime[] versionTimes)
    {
        var count = 1;
        for (var u = random.NextDouble(); count < AuthorCounts.Length && u >= AuthorCounts[count - 1]; count++)
        {
            u -= AuthorCounts[count - 1];
        }

        count = Math.Min(count, Authors.Count);
        var authors = new int[count];
        var spellings = new Spelling[count];
        for (var i = 0; i < count; i++)
        {
            int person;
            do
            {
                person = Authors.Choose(random);
            }
            while (Array.IndexOf(authors, person, 0, i) >= 0);

            authors[i] = person;
            spellings[i] = Authors.ChooseSpelling(random, person);
        }

        var style = random.NextDouble();
        return new SyntheticPaper
        {
            Id = id,
            Seed = random.Next(),
            Categories = categories,
            VersionTimes = versionTimes,
            Authors = authors,
            Spellings = spellings,
            CategoryStyle = style < 0.80 ? (byte)0 : style < 0.92 ? (byte)1 : (byte)2,
            ClassCodes = random.Chance(0.12) ? ClassCodes(random, Vocabulary.TopicOf(categories[0])) : null,
            WrapSummary = random.Chance(0.10),
        };
    }

    /// <summary>
    /// Version 1 at <paramref name="published"/>; a later version (about a third of papers) comes after the paper was
    /// announced (<paramref name="announcedAt"/>, midnight UTC), often within days, sometimes months later; each next one later still.
    /// </summary>
    public static DateTime[] VersionTimes(Random random, DateTime published, DateTime announcedAt)
    {
        if (!random.Chance(0.32))
        {
            return [published];
        }

        var times = new List<DateTime>(4) { published };
        var next = announcedAt + Delay(random, 0.45, (0.05, 3), (3, 30), (30, 240));
        times.Add(next);
        while (times.Count < 5 && random.Chance(0.3))
        {
            next += Delay(random, 0.4, (0.2, 3), (3, 60), (60, 300));
            times.Add(next);
        }

        return [.. times];
    }

    /// <summary>A delay in whole seconds (at least one minute) from three day ranges: short, medium, long.</summary>
    private static TimeSpan Delay(Random random, double shortShare, (double Low, double High) shortDays, (double Low, double High) mediumDays, (double Low, double High) longDays)
    {
        var u = random.NextDouble();
        var (low, high) = u < shortShare ? shortDays : u < shortShare + 0.35 ? mediumDays : longDays;
        return TimeSpan.FromSeconds(Math.Max(60, (long)(random.Between(low, high) * 86_400)));
    }

    private static string ClassCodes(Random random, Topic topic)
    {
        var codes = topic switch
        {
            Topic.Mathematics => Vocabulary.MscCodes,
            Topic.Statistics => Vocabulary.StatCodes,
            _ => random.Chance(0.7) ? Vocabulary.AcmCodes : Vocabulary.CsMscCodes,
        };
        var first = random.Pick(codes);
        if (random.Chance(0.5))
        {
            return first;
        }

        var second = random.Pick(codes);
        if (second == first)
        {
            return first;
        }

        return topic == Topic.Mathematics && random.Chance(0.5)
            ? $"{first} (Primary) {second} (Secondary)"
            : first + (random.Chance(0.5) ? "; " : ", ") + second;
    }
}
