using System.Globalization;

namespace Etl.Core.Generation;

/// <summary>
/// The papers of the benchmark snapshot, each a pure function of the seed and its place in the file's order: new-style ids, 20,000 a month from January 2015 (<c>1501.00001</c>, ...); then the papers the refresh
/// adds, submitted after the snapshot was taken (the numbering goes on); then 5% old-style ids (<c>astro-ph/9201001</c>
/// ... <c>quant-ph/0703...</c>), which sort after the new ones as in the real file. Nothing is held between records
/// but the people and the collaborations, so memory does not grow with the file.
/// </summary>
/// <remarks>
/// The snapshot is taken at midnight after the last new-style record (<see cref="Taken"/>); the refresh a week
/// later, or later still when the added papers need more time (<see cref="Refreshed"/>). Versions and amendments
/// of the snapshot's records all fall before <see cref="Taken"/>, so a record the refresh does not change
/// renders the same line in both.
/// </remarks>
internal sealed class SnapshotRecords
{
    public const int PerMonth = 20_000;

    /// <summary>Share of the records with old-style ids (the real file has more; these are enough to exercise them).</summary>
    public const double OldStyleShare = 0.05;

    private const long RecordKey = 0x5EC;
    private const long TimeKey = 0x717;
    private const long TraitsKey = 0x5A7;

    private static readonly DateTime FirstMonth = new(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A spread of the archive, busy ones first (<see cref="CategoryPicker"/> makes the first ones busier).</summary>
    private static readonly string[] Categories =
    [
        "cs.CV", "cs.LG", "cs.CL", "hep-th", "quant-ph", "cond-mat.mes-hall", "astro-ph.GA", "math.AP", "math.CO", "hep-ph",
        "cs.AI", "physics.optics", "stat.ML", "gr-qc", "math.PR", "cs.RO", "eess.SP", "q-bio.NC", "econ.EM", "nucl-th",
    ];

    private static readonly string[] OldArchives = ["astro-ph", "cond-mat", "gr-qc", "hep-ex", "hep-ph", "hep-th", "math", "quant-ph"];

    private static readonly string[] MathSubjects = ["math.AG", "math.AP", "math.CO", "math.NT", "math.PR"];

    private static readonly string[][] CollaborationCategories = [["hep-ex"], ["hep-ex", "physics.ins-det"], ["astro-ph.HE", "gr-qc"], ["astro-ph.CO"], ["hep-ex", "hep-ph"]];

    /// <summary>Old-style months, 1992-01 to 2007-03, in the order their ids sort: 0001 ... 0703, then 9201 ... 9912.</summary>
    private static readonly DateTime[] OldMonths = [.. Enumerable.Range(0, 183)
        .Select(i => new DateTime(1992, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(i))
        .OrderBy(month => Yymm(month), StringComparer.Ordinal)];

    private readonly SnapshotOptions _options;
    private readonly PaperFactory _factory;
    private readonly Collaboration[] _collaborations;
    private readonly EvenShare _changed;
    private readonly EvenShare _collaboration;
    private readonly long _firstAdded;

    public SnapshotRecords(SnapshotOptions options)
    {
        _options = options;
        OldStyle = (int)Math.Round(options.Records * OldStyleShare);
        NewStyle = options.Records - OldStyle;
        Added = (int)Math.Round(options.Records * options.NewShare);
        var people = new AuthorPool(options.Seed, Math.Clamp(options.Records / 4, Collaboration.MaxMembers + 1000, 200_000));
        _factory = new PaperFactory(people, new CategoryPicker(Categories));
        var random = Rng.For(options.Seed, 0xC0B);
        _collaborations = [.. Enumerable.Range(0, 16).Select(_ => new Collaboration(random, people))];
        _changed = new EvenShare(options.Seed, 0xC4A6, options.ChangedShare);
        _collaboration = new EvenShare(options.Seed, 0xC011, options.CollaborationShare);

        Taken = Midnight(Submitted(NewStyle - 1)).AddDays(1);
        _firstAdded = NewStyle;
        while (Submitted(_firstAdded) < Taken)
        {
            _firstAdded++;
        }

        var lastAdded = Added == 0 ? Taken : Submitted(_firstAdded + Added - 1);
        Refreshed = Max(Taken.AddDays(7), Midnight(lastAdded).AddDays(1));
    }

    /// <summary>New-style records of the snapshot.</summary>
    public int NewStyle { get; }

    /// <summary>Old-style records of the snapshot (they come last).</summary>
    public int OldStyle { get; }

    /// <summary>Records only the refresh holds.</summary>
    public int Added { get; }

    /// <summary>When the snapshot was taken (midnight UTC): it holds what was submitted before.</summary>
    public DateTime Taken { get; }

    /// <summary>When the refresh was taken.</summary>
    public DateTime Refreshed { get; }

    public AuthorPool People => _factory.Authors;

    /// <summary>Records of the refresh: the snapshot's and the added ones.</summary>
    public long Count => (long)NewStyle + Added + OldStyle;

    /// <summary>
    /// The record at <paramref name="position"/> of the refresh's order (0 to <see cref="Count"/> - 1): the snapshot's
    /// new-style records, the added ones, the old-style ones. A pure function of the options and the position, so
    /// records can be made in any order, on any thread, and come out the same.
    /// </summary>
    public SnapshotRecord At(long position)
    {
        if (position < NewStyle)
        {
            return NewStyleRecord(position, position, added: false);
        }

        position -= NewStyle;
        if (position < Added)
        {
            return NewStyleRecord(_firstAdded + position, (long)_options.Records + position, added: true);
        }

        return OldStyleRecord(position - Added);
    }

    /// <summary>
    /// Old-style record j: the records are spread over (archive, month) slots in id order, the first
    /// <c>OldStyle % slots</c> slots holding one more; numbers run from 001 in each slot.
    /// </summary>
    private SnapshotRecord OldStyleRecord(long j)
    {
        var slots = OldArchives.Length * OldMonths.Length;
        var perSlot = OldStyle / slots;
        var extra = OldStyle % slots;
        long slot, n, count;
        if (j < (long)extra * (perSlot + 1))
        {
            count = perSlot + 1;
            slot = j / count;
            n = j % count;
        }
        else
        {
            var rest = j - ((long)extra * (perSlot + 1));
            count = perSlot;
            slot = extra + (rest / count);
            n = rest % count;
        }

        var archive = OldArchives[slot / OldMonths.Length];
        var month = OldMonths[slot % OldMonths.Length];
        var index = NewStyle + j;
        var id = string.Create(CultureInfo.InvariantCulture, $"{archive}/{Yymm(month)}{n + 1:D3}");
        return Record(index, id, Within(month, n, count, Fraction(index)), archive, added: false);
    }

    /// <summary>New-style record number <paramref name="k"/> of the calendar; <paramref name="index"/> is its place among all records.</summary>
    private SnapshotRecord NewStyleRecord(long k, long index, bool added)
    {
        var month = FirstMonth.AddMonths((int)(k / PerMonth));
        var id = string.Create(CultureInfo.InvariantCulture, $"{Yymm(month)}.{(k % PerMonth) + 1:D5}");
        return Record(index, id, Submitted(k), archive: null, added);
    }

    private SnapshotRecord Record(long index, string id, DateTime published, string? archive, bool added)
    {
        var random = Rng.For(_options.Seed, RecordKey, index);
        var fate = added ? RecordFate.Added
            : !_changed.IsChosen(index) ? RecordFate.Unchanged
            : _changed.Heads(index) ? RecordFate.NewVersion
            : RecordFate.EditedText;
        var until = added ? Refreshed : Taken;
        var announced = CorpusEngine.AnnouncementDay(DateOnly.FromDateTime(published)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var versions = PaperFactory.VersionTimes(random, published, announced).Where(time => time < until).ToList();
        if (fate == RecordFate.NewVersion)
        {
            versions.Add(Taken.AddSeconds(random.Next((int)(Refreshed - Taken).TotalSeconds)));
        }

        var categories = archive is null ? null : OldStyleCategories(random, archive);
        SyntheticPaper paper;
        if (_collaboration.IsChosen(index))
        {
            paper = random.Pick(_collaborations).Paper(random, People, id, categories ?? random.Pick(CollaborationCategories), [.. versions]);
        }
        else
        {
            paper = _factory.Create(random, id, categories ?? _factory.Categories.Choose(random), [.. versions]);
        }

        // Until the refresh, only what its fate says may happen; earlier amendments and corrections stay.
        var traits = SnapshotTraits.Draw(Rng.For(paper.Seed, TraitsKey), paper) with { AbstractAddendum = SnapshotText.Addendum(random, paper.Topic) };
        var taken = DateOnly.FromDateTime(Taken);
        traits = fate switch
        {
            RecordFate.Added => traits,
            RecordFate.EditedText => traits with
            {
                EditedOn = taken.AddDays(random.Next(DateOnly.FromDateTime(Refreshed).DayNumber - taken.DayNumber)),
                AmendedOn = traits.AmendedOn >= taken ? null : traits.AmendedOn,
            },
            _ => traits with
            {
                EditedOn = traits.EditedOn >= taken ? null : traits.EditedOn,
                AmendedOn = traits.AmendedOn >= taken ? null : traits.AmendedOn,
            },
        };
        return new SnapshotRecord(paper, traits, fate);
    }

    /// <summary>The archive itself (<c>hep-th</c>), a subject for mathematics (<c>math.CO</c>), sometimes a cross-list.</summary>
    private static string[] OldStyleCategories(Random random, string archive)
    {
        var primary = archive == "math" ? random.Pick(MathSubjects) : archive;
        var cross = random.Pick(OldArchives);
        return random.Chance(0.3) && cross != archive ? [primary, cross == "math" ? random.Pick(MathSubjects) : cross] : [primary];
    }

    /// <summary>When new-style record k was submitted: its month's records spread evenly over the month, in id order.</summary>
    private DateTime Submitted(long k)
    {
        var month = FirstMonth.AddMonths((int)(k / PerMonth));
        return Within(month, k % PerMonth, PerMonth, Fraction(k));
    }

    /// <summary>A jitter in [0, 1) from the record's place alone, so the calendar needs no record's random stream.</summary>
    private double Fraction(long k) => Rng.Derive(_options.Seed, TimeKey, k) % 1000 / 1000.0;

    private static DateTime Within(DateTime month, long n, long count, double fraction)
    {
        var seconds = (month.AddMonths(1) - month).TotalSeconds;
        return month.AddSeconds(Math.Floor((n + fraction) * seconds / count));
    }

    private static string Yymm(DateTime month) => string.Create(CultureInfo.InvariantCulture, $"{month.Year % 100:D2}{month.Month:D2}");

    private static DateTime Midnight(DateTime instant) => instant.Date;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
