using System.Globalization;
using Etl.Core.Model;

namespace Etl.Core.Generation;

/// <summary>
/// Walks the calendar one day at a time. Each day: new submissions are drawn and scheduled into the compact
/// listing of their announcement day (next weekday) and into the detailed digest of their submission day, which
/// is written 2-6 days later (so early revisions already show) and, for about 10% of category-days, written again
/// later as <c>.regen-N</c>, usually after one of its papers was revised. The daily JSON-lines listing of the announcement day lists
/// the papers of the first half of the categories (their cross-lists too) and about 8% of papers that no digest lists
/// (listing-only); every fifth listing day also gets an AI-enhanced twin. Then every file due that day is rendered and yielded.
/// Only papers that a future file still lists are held.
/// </summary>
internal sealed class CorpusEngine
{
    private readonly GeneratorOptions _options;
    private readonly HashSet<string> _configured;
    private readonly Random _random;
    private readonly Random? _bad;
    private readonly DailyVolume _volume;
    private readonly PaperFactory _factory;
    private readonly IdAllocator _ids = new();
    private readonly Dictionary<DateOnly, List<Emission>> _schedule = [];
    private readonly Dictionary<(string Category, DateOnly Date), Emission> _openListings = [];
    private readonly Dictionary<DateOnly, Emission> _openDailyListings = [];
    private readonly HashSet<string> _listedCategories;
    private readonly List<string> _neverPrimary;
    private readonly CorpusSnapshots? _snapshots;
    private int _created;

    public CorpusEngine(GeneratorOptions options)
    {
        _options = options;
        _configured = new HashSet<string>(options.Categories, StringComparer.Ordinal);
        _random = new Random(options.Seed);
        _bad = options.IncludeBadEntries ? Rng.For(options.Seed, 0xBAD) : null;
        _volume = new DailyVolume(options);
        _factory = new PaperFactory(options);
        _neverPrimary = [.. options.Categories];
        _listedCategories = new HashSet<string>(options.Categories.Take((options.Categories.Count + 1) / 2), StringComparer.Ordinal);
        _snapshots = options.Snapshots ? new CorpusSnapshots(options, _factory) : null;
    }

    public IEnumerable<GeneratedFile> Run()
    {
        for (var day = _options.StartDate; _created < _options.Papers || _schedule.Count > 0; day = day.AddDays(1))
        {
            // A snapshot taken this morning holds what was submitted before today.
            if (_snapshots?.Due(day) is { } snapshot)
            {
                yield return snapshot;
            }

            if (_created < _options.Papers)
            {
                Submit(day, _volume.Next(day, _options.Papers - _created));
                if (_bad is not null && (day == _options.StartDate || _bad.Chance(0.02)))
                {
                    yield return NotADigest(day, _bad);
                }
            }

            if (_schedule.Remove(day, out var due))
            {
                foreach (var emission in due)
                {
                    yield return Render(emission);
                    if (emission.Format == DigestFormat.Listing && emission.Date.DayNumber % 5 == 0 && AiEnhancedTwin(emission) is { } twin)
                    {
                        yield return twin;
                    }
                }
            }
        }

        foreach (var snapshot in _snapshots?.Rest() ?? [])
        {
            yield return snapshot;
        }
    }

    /// <summary>Listings appear Monday to Friday: a submission shows the next weekday (Friday to Sunday: Monday).</summary>
    internal static DateOnly AnnouncementDay(DateOnly submitted) => submitted.DayOfWeek switch
    {
        DayOfWeek.Friday => submitted.AddDays(3),
        DayOfWeek.Saturday => submitted.AddDays(2),
        _ => submitted.AddDays(1),
    };

    private void Submit(DateOnly day, int count)
    {
        var announced = AnnouncementDay(day);
        var announcedAt = announced.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var seconds = new int[count];
        for (var i = 0; i < count; i++)
        {
            seconds[i] = _random.Next(86_400);
        }

        Array.Sort(seconds);
        var detailed = new Dictionary<string, List<SyntheticPaper>>(StringComparer.Ordinal);
        foreach (var second in seconds)
        {
            var categories = ChooseCategories();
            var id = _ids.Next(day, categories[0], _random);
            var published = midnight.AddSeconds(second);
            var paper = _factory.Create(_random, id, categories, PaperFactory.VersionTimes(_random, published, announcedAt));
            _created++;
            _snapshots?.Add(paper);
            var listingOnly = IsListingOnly(paper);
            if (listingOnly || categories.Any(_listedCategories.Contains))
            {
                DailyListing(announced).Papers.Add(paper);
            }

            foreach (var category in categories)
            {
                if (listingOnly || !_configured.Contains(category))
                {
                    continue;
                }

                if (!_openListings.TryGetValue((category, announced), out var listing))
                {
                    listing = new Emission { Format = DigestFormat.Compact, Category = category, Date = announced };
                    _openListings[(category, announced)] = listing;
                    Schedule(announced, listing);
                }

                listing.Papers.Add(paper);
                if (!detailed.TryGetValue(category, out var list))
                {
                    detailed[category] = list = [];
                }

                list.Add(paper);
            }
        }

        foreach (var category in _options.Categories)
        {
            if (!detailed.TryGetValue(category, out var papers))
            {
                continue;
            }

            var written = day.AddDays(2 + _random.Next(5));
            Schedule(written, Detailed(category, day, papers, written, 0));
            for (var regeneration = 1; regeneration <= 2; regeneration++)
            {
                var again = Regeneration(papers, written, regeneration);
                if (again is null)
                {
                    break;
                }

                written = again.Value;
                Schedule(written, Detailed(category, day, papers, written, regeneration));
            }
        }
    }

    /// <summary>
    /// About 8% of papers appear in listings only. Drawn from the paper's own seed (the corpus's random stream is
    /// untouched), and never for the last papers, which make sure every category has digests.
    /// </summary>
    private bool IsListingOnly(SyntheticPaper paper) =>
        _options.Papers - _created >= _options.Categories.Count && Rng.For(paper.Seed, 0x1157).Chance(0.08);

    private Emission DailyListing(DateOnly announced)
    {
        if (!_openDailyListings.TryGetValue(announced, out var listing))
        {
            listing = new Emission { Format = DigestFormat.Listing, Category = string.Empty, Date = announced };
            _openDailyListings[announced] = listing;
            Schedule(announced, listing);
        }

        return listing;
    }

    /// <summary>
    /// Whether (and when) a category-day's detailed digest is written again: about 10% of them are, always because
    /// a listed paper was revised (within 200 days) since the last write; the rewrite comes 1-30 days after that
    /// revision, so it shows at least one newer version than the previous write.
    /// </summary>
    private DateOnly? Regeneration(List<SyntheticPaper> papers, DateOnly written, int regeneration)
    {
        var since = written.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        DateTime? revised = null;
        foreach (var paper in papers)
        {
            foreach (var time in paper.VersionTimes)
            {
                if (time >= since && (revised is null || time < revised))
                {
                    revised = time;
                }
            }
        }

        if (revised is null || revised.Value >= since.AddDays(200))
        {
            return null;
        }

        var chance = regeneration == 1 ? 0.12 : 0.25;
        if (!_random.Chance(chance))
        {
            return null;
        }

        return DateOnly.FromDateTime(revised.Value).AddDays(1 + _random.Next(30));
    }

    /// <summary>
    /// Weighted categories, except that the last papers go to categories never chosen as primary yet, so a corpus
    /// of at least as many papers as categories has files in every category.
    /// </summary>
    private string[] ChooseCategories()
    {
        var categories = _options.Papers - _created <= _neverPrimary.Count
            ? _factory.Categories.WithCrossLists(_random, _neverPrimary[0])
            : _factory.Categories.Choose(_random);
        _neverPrimary.Remove(categories[0]);
        return categories;
    }

    private static Emission Detailed(string category, DateOnly day, List<SyntheticPaper> papers, DateOnly written, int regeneration) => new()
    {
        Format = DigestFormat.Detailed,
        Category = category,
        Date = day,
        AsOf = written.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        Regeneration = regeneration,
        Papers = papers,
    };

    private void Schedule(DateOnly day, Emission emission)
    {
        if (!_schedule.TryGetValue(day, out var list))
        {
            _schedule[day] = list = [];
        }

        list.Add(emission);
    }

    private GeneratedFile Render(Emission emission)
    {
        var fresh = 0;
        foreach (var paper in emission.Papers)
        {
            if (!paper.Listed)
            {
                paper.Listed = true;
                fresh++;
            }
        }

        var date = emission.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (emission.Format == DigestFormat.Listing)
        {
            _openDailyListings.Remove(emission.Date);
            return new GeneratedFile($"listings/{date}.jsonl", ListingRenderer.Daily(emission.Date, emission.Papers, _factory.Authors, _bad), fresh);
        }

        if (emission.Format == DigestFormat.Compact)
        {
            _openListings.Remove((emission.Category, emission.Date));
            return new GeneratedFile(
                $"compact/{emission.Category}/{date}.md",
                DigestRenderer.Compact(emission.Category, emission.Date, emission.Papers),
                fresh);
        }

        var suffix = emission.Regeneration == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $".regen-{emission.Regeneration}");
        return new GeneratedFile(
            $"detailed/{emission.Category}/{date}{suffix}.md",
            DigestRenderer.Detailed(emission.Category, emission.Date, emission.Papers, emission.AsOf, _factory.Authors, _bad),
            fresh);
    }

    /// <summary>The AI-enhanced twin of a daily listing (same date, some of its rows again), or null when it would be empty.</summary>
    private GeneratedFile? AiEnhancedTwin(Emission listing)
    {
        var content = ListingRenderer.AiEnhanced(listing.Date, listing.Papers, _factory.Authors);
        return content.Length == 0
            ? null
            : new GeneratedFile(string.Create(CultureInfo.InvariantCulture, $"listings/{listing.Date:yyyy-MM-dd}_AI_enhanced_Chinese.jsonl"), content, 0);
    }

    /// <summary>Files that are not digests: notes, an impossible header date, an empty file, an unknown heading, a listing without a date in its name.</summary>
    private GeneratedFile NotADigest(DateOnly day, Random random)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var category = random.Pick(_options.Categories);
        return random.Next(5) switch
        {
            4 => new GeneratedFile("listings/latest.jsonl", string.Create(CultureInfo.InvariantCulture, $"{{\"id\": \"{day:yyMM}.99999\", \"title\": \"A listing without a date in its name\"}}\n"), 0),
            0 => new GeneratedFile($"notes/{date}-reading-list.md", $"## Reading list\n\n- skim the new {category} listings\n- follow up on the revised papers\n", 0),
            1 => new GeneratedFile(
                $"detailed/{category}/{date}.draft.md",
                string.Create(CultureInfo.InvariantCulture, $"# Arxiv Papers in {category} on {day:yyyy-MM}-32\n### Draft entry\n- **Arxiv ID**: None\n"),
                0),
            2 => new GeneratedFile($"compact/{category}/{date}.empty.md", string.Empty, 0),
            _ => new GeneratedFile($"notes/{date}-weekly.md", "# Weekly arXiv summary\n\nNothing to report this week.\n", 0),
        };
    }
}
