using Etl.Core.Model;
using Etl.Core.Reconciliation;
using Xunit;
using static Etl.Core.Tests.Reconciliation.Evidence;

namespace Etl.Core.Tests.Reconciliation;

public sealed class PaperReconcilerTests
{
    private static PaperState Reconcile(params EvidenceFacts[] evidence) => PaperReconciler.Reconcile("2009.14721", evidence);

    [Fact]
    public void A_compact_listing_before_a_later_version_speaks_for_version_1()
    {
        var compact = Compact("2020-10-01");
        var detailed = Detailed("2021-03-01", 2, "2020-09-30 14:58:03", "2021-02-13 15:19:43");

        var paper = Reconcile(compact, detailed);

        Assert.Equal(2, paper.LatestVersion);
        Assert.Equal([(1, compact, DigestFormat.Compact), (2, detailed, DigestFormat.Detailed)], paper.Versions.Select(v => (v.Version, v.TextFrom!, v.Source!.Value)));
        Assert.Equal(Utc("2020-09-30 14:58:03"), paper.Versions[0].SubmittedAt);
        Assert.Equal(Utc("2021-02-13 15:19:43"), paper.Versions[1].SubmittedAt);
        Assert.Same(detailed, paper.FieldsFrom);
        Assert.Null(paper.DigestCategories);
        Assert.Equal((Utc("2020-09-30 14:58:03"), Utc("2021-02-13 15:19:43")), (paper.PublishedAt!.Value, paper.UpdatedAt!.Value));
        Assert.Equal(1, Assert.Single(paper.DatedAssignments).Version);
    }

    [Fact]
    public void A_compact_listing_after_version_2_was_submitted_speaks_for_version_2()
    {
        var compact = Compact("2021-02-15");
        var detailed = Detailed("2020-10-02", 1, "2020-09-30 14:58:03", "2020-09-30 14:58:03");
        var v2 = Detailed("2021-03-01", 2, "2020-09-30 14:58:03", "2021-02-13 15:19:43");

        var paper = Reconcile(compact, detailed, v2);

        Assert.Equal(2, Assert.Single(paper.DatedAssignments).Version);
        Assert.Equal(DigestFormat.Detailed, paper.Versions[1].Source);
    }

    [Fact]
    public void The_midnight_boundary_is_exclusive()
    {
        var v2 = Detailed("2021-03-01", 2, "2020-09-30 10:00:00", "2021-02-15 00:00:00");

        Assert.Equal(1, Reconcile(Compact("2021-02-15"), v2).DatedAssignments.Single().Version);
        Assert.Equal(2, Reconcile(Compact("2021-02-16"), v2).DatedAssignments.Single().Version);
    }

    [Fact]
    public void With_no_timestamps_a_compact_listing_speaks_for_version_1_and_the_paper_is_compact_only()
    {
        var listed = Compact("2020-10-01", "cs.LG");
        var crossListed = Compact("2020-10-01", "cs.CV", sha: 2);

        var paper = Reconcile(listed, crossListed);

        Assert.Equal(1, paper.LatestVersion);
        var version = Assert.Single(paper.Versions);
        Assert.Same(crossListed, version.TextFrom);
        Assert.Null(version.SubmittedAt);
        Assert.Same(crossListed, paper.FieldsFrom);
        Assert.Equal(["cs.CV", "cs.LG"], paper.DigestCategories);
        Assert.Null(paper.PublishedAt);
        Assert.Null(paper.UpdatedAt);
    }

    [Fact]
    public void Version_1_takes_published_from_the_highest_ranked_detailed_entry_of_any_version()
    {
        var older = Detailed("2020-10-02", 1, "2020-09-30 14:58:03", "2020-09-30 14:58:03");
        var newer = Detailed("2021-03-01", 3, "2020-09-30 14:59:00", "2021-02-13 15:19:43");

        var paper = Reconcile(older, newer);

        Assert.Equal(Utc("2020-09-30 14:59:00"), paper.Versions[0].SubmittedAt);
        Assert.Same(older, paper.Versions[0].TextFrom);
        Assert.Equal([1, 3], paper.Versions.Select(v => v.Version));
    }

    [Fact]
    public void Versions_between_known_ones_are_not_invented_and_version_1_may_be_known_only_by_its_timestamp()
    {
        var v5 = Detailed("2021-03-01", 5, "2020-09-30 14:58:03", "2021-02-13 15:19:43");

        var paper = Reconcile(v5);

        Assert.Equal([1, 5], paper.Versions.Select(v => v.Version));
        Assert.Null(paper.Versions[0].TextFrom);
        Assert.Null(paper.Versions[0].Source);
        Assert.Equal(Utc("2020-09-30 14:58:03"), paper.Versions[0].SubmittedAt);
        Assert.Equal(5, paper.LatestVersion);
    }

    [Theory]
    [InlineData("2021-03-02", 1, 3, "2021-03-01", 1, 3, true)]
    [InlineData("2021-03-01", 2, 3, "2021-03-01", 1, 3, true)]
    [InlineData("2021-03-01", 1, 9, "2021-03-01", 1, 3, true)]
    [InlineData("2021-03-01", 1, 9, "2021-03-02", 1, 3, false)]
    [InlineData("2021-03-01", 1, 9, "2021-03-01", 2, 3, false)]
    public void Rank_is_digest_date_then_sha256_then_line(string dateA, byte shaA, int lineA, string dateB, byte shaB, int lineB, bool aWins)
    {
        var a = Detailed(dateA, 2, "2020-09-30 10:00:00", "2021-02-01 10:00:00", shaA, lineA);
        var b = Detailed(dateB, 2, "2020-09-30 10:00:00", "2021-02-02 10:00:00", shaB, lineB);

        Assert.Same(aWins ? a : b, Reconcile(a, b).FieldsFrom);
        Assert.Same(aWins ? a : b, Reconcile(b, a).FieldsFrom);
    }

    [Fact]
    public void Detailed_text_beats_a_higher_ranked_compact_text_of_the_same_version()
    {
        var detailed = Detailed("2020-10-02", 1, "2020-09-30 14:58:03", "2020-09-30 14:58:03");
        var compact = Compact("2020-10-05");

        Assert.Same(detailed, Reconcile(compact, detailed).Versions.Single().TextFrom);
    }

    [Fact]
    public void A_listing_only_paper_has_version_1_with_listing_text_and_its_own_categories()
    {
        var older = Listing("2025-03-18");
        var newer = Listing("2025-03-21", sha: 2);

        var paper = Reconcile(newer, older);

        var version = Assert.Single(paper.Versions);
        Assert.Equal((1, (DateTime?)null, newer, DigestFormat.Listing), (version.Version, version.SubmittedAt, version.TextFrom, version.Source!.Value));
        Assert.Same(newer, paper.FieldsFrom);
        Assert.Null(paper.DigestCategories);
        Assert.Equal([1, 1], paper.DatedAssignments.Select(a => a.Version));
        Assert.Null(paper.PublishedAt);
    }

    [Theory]
    [InlineData("2025-03-10", "2025-03-20")]
    [InlineData("2025-03-20", "2025-03-10")]
    public void Listing_text_beats_compact_text_of_the_same_version_whatever_their_rank(string listingDate, string compactDate)
    {
        var listing = Listing(listingDate);
        var compact = Compact(compactDate);

        var paper = Reconcile(compact, listing);

        Assert.Same(listing, paper.Versions.Single().TextFrom);
        Assert.Same(listing, paper.FieldsFrom);
        Assert.Null(paper.DigestCategories);
    }

    [Fact]
    public void Detailed_text_beats_a_higher_ranked_listing_text_of_the_same_version_and_gives_the_fields()
    {
        var detailed = Detailed("2025-03-17", 1, "2025-03-14 10:00:00", "2025-03-14 10:00:00");
        var listing = Listing("2025-03-24");

        var paper = Reconcile(listing, detailed);

        Assert.Same(detailed, paper.Versions.Single().TextFrom);
        Assert.Same(detailed, paper.FieldsFrom);
    }

    [Fact]
    public void A_listing_speaks_for_the_highest_version_submitted_before_its_date_like_a_compact_entry()
    {
        var v2 = Detailed("2025-03-25", 2, "2025-03-14 10:00:00", "2025-03-18 09:12:16");
        var before = Listing("2025-03-18");
        var after = Listing("2025-03-19", sha: 2);

        var paper = Reconcile(before, after, v2);

        Assert.Equal([(before, 1), (after, 2)], paper.DatedAssignments.OrderBy(a => a.Version).Select(a => (a.Entry, a.Version)));
        Assert.Equal([(1, DigestFormat.Listing), (2, DigestFormat.Detailed)], paper.Versions.Select(v => (v.Version, v.Source!.Value)));
        Assert.Same(v2, paper.FieldsFrom);
    }

    [Fact]
    public void The_result_does_not_depend_on_the_order_of_the_evidence()
    {
        EvidenceFacts[] evidence =
        [
            Listing("2020-10-01", sha: 4),
            Listing("2021-02-20", sha: 5),
            Compact("2020-10-01"),
            Compact("2020-10-01", "cs.LG", sha: 7),
            Compact("2021-02-20"),
            Detailed("2020-10-03", 1, "2020-09-30 14:58:03", "2020-09-30 14:58:03"),
            Detailed("2021-03-01", 2, "2020-09-30 14:58:03", "2021-02-13 15:19:43"),
            Detailed("2021-03-01", 2, "2020-09-30 14:58:03", "2021-02-13 15:19:44", sha: 9),
        ];
        var expected = Describe(Reconcile(evidence));

        for (var seed = 0; seed < 20; seed++)
        {
            var shuffled = evidence.ToArray();
            new Random(seed).Shuffle(shuffled);
            Assert.Equal(expected, Describe(Reconcile(shuffled)));
        }
    }

    private static string Describe(PaperState paper) =>
        $"{paper.LatestVersion} {paper.PublishedAt:O} {paper.UpdatedAt:O} {paper.FieldsFrom.DigestId} "
        + string.Join(';', paper.Versions.Select(v => $"{v.Version}@{v.SubmittedAt:O}={v.TextFrom?.DigestId}"))
        + " " + string.Join(';', paper.DatedAssignments.OrderBy(a => a.Entry.DigestId).Select(a => $"{a.Entry.DigestId}->{a.Version}"));
}
