using System.Globalization;

namespace Etl.Core.Generation;

/// <summary>
/// What a paper's snapshot record carries beyond the paper itself: licence, report number, affiliations, who
/// submitted it, a version whose <c>created</c> is null, and the dates of later changes that come without a new
/// version (an amendment that only moves <c>update_date</c>, a text correction). Drawn once per paper, so every
/// snapshot that holds the paper agrees on them, and two snapshots taken when nothing happened in between hold
/// the same line byte for byte.
/// </summary>
internal sealed record SnapshotTraits
{
    private static readonly string[] Licenses =
    [
        "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
        "http://creativecommons.org/licenses/by/4.0/",
        "http://creativecommons.org/licenses/by-nc-sa/4.0/",
        "http://creativecommons.org/publicdomain/zero/1.0/",
    ];

    private static readonly string[] ReportPrefixes = ["PA-TH", "NF-EXP", "KB-PUB", "MG-REP", "EB-PH"];

    /// <summary>The version (1-based) written with <c>"created":null</c>; 0 for none.</summary>
    public int NullCreatedVersion { get; init; }

    /// <summary>A metadata change after the last version (journal reference, licence, ...): it moves <c>update_date</c> only.</summary>
    public DateOnly? AmendedOn { get; init; }

    /// <summary>From this day the record's text carries <see cref="Edit"/>, unless a newer version replaced that text.</summary>
    public DateOnly? EditedOn { get; init; }

    public TextEdit Edit { get; init; }

    public string? License { get; init; }

    /// <summary>Sentences appended to every version's abstract (<see cref="SnapshotText.Addendum"/>); null for papers that digests also show.</summary>
    public string? AbstractAddendum { get; init; }

    public string? ReportNo { get; init; }

    /// <summary>Institutions; author i is at <c>Affiliations[i % Length]</c>. Null: the record names none.</summary>
    public IReadOnlyList<string>? Affiliations { get; init; }

    /// <summary>The author (index) whose account submitted the paper.</summary>
    public int Submitter { get; init; }

    /// <summary>The account name drops the middle initial (<c>Damian Swift</c> for <c>Damian C. Swift</c>).</summary>
    public bool SubmitterWithoutInitial { get; init; }

    /// <summary>
    /// Traits in the proportions of the real file: about 4% of records have a null <c>created</c>, 20% a later
    /// amendment, 8% a corrected text, 55% a licence, 3% a report number, 12% affiliations.
    /// </summary>
    public static SnapshotTraits Draw(Random random, SyntheticPaper paper)
    {
        var published = DateOnly.FromDateTime(paper.Published);
        var licence = random.NextDouble();
        return new SnapshotTraits
        {
            NullCreatedVersion = random.Chance(0.04) ? 1 + random.Next(paper.VersionTimes.Length) : 0,
            AmendedOn = random.Chance(0.2) ? published.AddDays(random.Next(30, 900)) : null,
            EditedOn = random.Chance(0.08) ? published.AddDays(random.Next(1, 150)) : null,
            Edit = random.Chance(0.5) ? TextEdit.AbstractNote : TextEdit.Subtitle,
            License = licence switch
            {
                < 0.45 => null,
                < 0.80 => Licenses[0],
                < 0.95 => Licenses[1],
                < 0.98 => Licenses[2],
                _ => Licenses[3],
            },
            ReportNo = random.Chance(0.03)
                ? string.Create(CultureInfo.InvariantCulture, $"{random.Pick(ReportPrefixes)}-{published.Year % 100:D2}-{random.Next(1, 2000):D4}")
                : null,
            Affiliations = random.Chance(0.12) ? Institutions(random) : null,
            Submitter = random.NextDouble() switch
            {
                < 0.65 => 0,
                < 0.85 => paper.Authors.Length - 1,
                _ => random.Next(paper.Authors.Length),
            },
            SubmitterWithoutInitial = random.Chance(0.3),
        };
    }

    private static string[] Institutions(Random random)
    {
        var institutions = new string[random.Next(1, 4)];
        for (var i = 0; i < institutions.Length; i++)
        {
            var city = random.Pick(Vocabulary.Cities);
            institutions[i] = random.Next(3) switch
            {
                0 => "University of " + city,
                1 => city + " Institute of Technology",
                _ => city + " Research Centre",
            };
        }

        return institutions;
    }
}
