using System.Globalization;
using System.Text;

namespace Etl.Core.Generation;

/// <summary>
/// The two metadata snapshots of a corpus (<see cref="GeneratorOptions.Snapshots"/>): an older one taken halfway
/// through the submissions, <c>snapshot/{yyyy}-older/arxiv-metadata-oai-snapshot.json</c>, and a newer one 45 days
/// after the last, <c>snapshot/arxiv-metadata-oai-snapshot.json</c>. Each holds, in id order, about 90% of the
/// corpus's papers submitted before it was taken (as of that day: later versions are missing, so a regenerated
/// digest can know more than the snapshot and the snapshot more than the first digests) and every
/// <see cref="SnapshotOnlyPapers"/> paper. A paper nothing happened to between the two holds the same line in both;
/// a revision, an amendment or a text correction in between makes the lines differ.
/// </summary>
/// <remarks>
/// Every choice comes from the papers' own seeds and from keys of the corpus seed, never from the corpus's main
/// random stream, so turning snapshots on leaves every digest and listing byte-identical. The papers are held
/// until the newer snapshot is written: this is for test-sized corpora; the benchmark's big snapshot is
/// <see cref="SnapshotWriter"/>, which streams.
/// </remarks>
internal sealed class CorpusSnapshots
{
    public const string FileName = "arxiv-metadata-oai-snapshot.json";

    private const long FateKey = 0x5A8;
    private const long TraitsKey = 0x5A7;
    private const long BadKey = 0x5BAD;

    /// <summary>People enough for a collaboration, and never fewer than the corpus has.</summary>
    private const int PeopleForCollaborations = Collaboration.MaxMembers + 1000;

    private readonly GeneratorOptions _options;
    private readonly PaperFactory _factory;
    private readonly List<Held> _papers = [];
    private List<Held>? _snapshotOnly;
    private AuthorPool? _people;
    private bool _olderWritten;
    private bool _newerWritten;

    public CorpusSnapshots(GeneratorOptions options, PaperFactory factory)
    {
        _options = options;
        _factory = factory;
        var first = options.StartDate;
        var last = DailyVolume.LastSubmissionDay(options);
        Older = first.AddDays(Math.Max(1, (last.DayNumber - first.DayNumber) / 2));
        Newer = last.AddDays(45);
    }

    /// <summary>The day the older snapshot was taken: it holds what was submitted before that day.</summary>
    public DateOnly Older { get; }

    /// <summary>The day the newer snapshot was taken.</summary>
    public DateOnly Newer { get; }

    /// <summary>Takes note of a new corpus paper: in which snapshots it is (about 88% of the older's days, 92% of the newer).</summary>
    public void Add(SyntheticPaper paper)
    {
        var fate = Rng.For(paper.Seed, FateKey);
        var inOlder = fate.Chance(0.88);
        var inNewer = fate.Chance(0.92);
        if (inOlder || inNewer)
        {
            _papers.Add(new Held(paper, SnapshotTraits.Draw(Rng.For(paper.Seed, TraitsKey), paper), inOlder, inNewer));
        }
    }

    /// <summary>The snapshot taken on <paramref name="day"/>, once; null on other days.</summary>
    public GeneratedFile? Due(DateOnly day)
    {
        if (!_olderWritten && day >= Older)
        {
            _olderWritten = true;
            return Render(older: true);
        }

        if (!_newerWritten && day >= Newer)
        {
            _newerWritten = true;
            return Render(older: false);
        }

        return null;
    }

    /// <summary>The snapshots not yet written (the corpus's last file can come before the newer snapshot's day).</summary>
    public IEnumerable<GeneratedFile> Rest()
    {
        while (Due(DateOnly.MaxValue) is { } file)
        {
            yield return file;
        }
    }

    private GeneratedFile Render(bool older)
    {
        var date = older ? Older : Newer;
        var asOf = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var fresh = 0;
        if (_snapshotOnly is null)
        {
            // Both snapshots hold every snapshot-only paper (all older than the corpus): the first one counts them.
            _people = new AuthorPool(_options.Seed, Math.Max(_factory.Authors.Count, PeopleForCollaborations));
            _snapshotOnly = [.. SnapshotOnlyPapers.Create(_options, _factory, _people)
                .Select(paper => new Held(paper, SnapshotTraits.Draw(Rng.For(paper.Seed, TraitsKey), paper), true, true))];
        }

        var records = _papers
            .Where(held => (older ? held.InOlder : held.InNewer) && held.Paper.Published < asOf)
            .Concat(_snapshotOnly)
            .OrderBy(held => held.Paper.Id, StringComparer.Ordinal)
            .ToList();
        var broken = Breakage(records.Count, older);
        var builder = new StringBuilder(records.Count * 1800);
        var line = new StringBuilder(4096);
        for (var i = 0; i < records.Count; i++)
        {
            var (paper, traits, _, _) = records[i];
            if (!paper.Listed)
            {
                paper.Listed = true;
                fresh++;
            }

            line.Clear();
            SnapshotRenderer.Append(line, paper, traits, asOf, _people!, broken[i]);
            switch (broken[i])
            {
                case BadSnapshotRecord.Truncated:
                    builder.Append(line, 0, line.Length / 2);
                    break;
                case BadSnapshotRecord.NotAnObject:
                    builder.Append(CultureInfo.InvariantCulture, $"[\"{paper.Id}\",\"v{paper.VersionAsOf(asOf)}\"]\n");
                    break;
                default:
                    builder.Append(line).Append('\n');
                    break;
            }
        }

        var path = older
            ? string.Create(CultureInfo.InvariantCulture, $"snapshot/{Older:yyyy}-older/{FileName}")
            : "snapshot/" + FileName;
        return new GeneratedFile(path, builder.ToString(), fresh);
    }

    /// <summary>
    /// With bad entries: each kind of <see cref="BadSnapshotRecord"/> once (the truncated line last, the others
    /// anywhere but the first line, which must stay a record for the file to be recognised), plus about 0.5% more.
    /// </summary>
    private BadSnapshotRecord[] Breakage(int count, bool older)
    {
        var broken = new BadSnapshotRecord[count];
        if (!_options.IncludeBadEntries || count < 6)
        {
            return broken;
        }

        var random = Rng.For(_options.Seed, BadKey, older ? 1 : 2);
        broken[count - 1] = BadSnapshotRecord.Truncated;
        foreach (var kind in new[] { BadSnapshotRecord.BadCreated, BadSnapshotRecord.EmptyTitle, BadSnapshotRecord.NoVersions, BadSnapshotRecord.NotAnObject })
        {
            int at;
            do
            {
                at = 1 + random.Next(count - 2);
            }
            while (broken[at] != BadSnapshotRecord.None);

            broken[at] = kind;
        }

        for (var i = 1; i < count - 1; i++)
        {
            if (broken[i] == BadSnapshotRecord.None && random.Chance(0.005))
            {
                broken[i] = (BadSnapshotRecord)(1 + random.Next(3));
            }
        }

        return broken;
    }

    private readonly record struct Held(SyntheticPaper Paper, SnapshotTraits Traits, bool InOlder, bool InNewer);
}
