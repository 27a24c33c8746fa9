using Etl.Core.Model;
using Etl.Core.Reconciliation;
using Xunit;
using static Etl.Core.Tests.Reconciliation.Evidence;

namespace Etl.Core.Tests.Reconciliation;

/// <summary>Snapshot records among the other formats: the precedence and timestamp rules of the contract.</summary>
public sealed class SnapshotReconcilerTests
{
    private static PaperState Reconcile(params EvidenceFacts[] evidence) => PaperReconciler.Reconcile("0704.0046", evidence);

    [Fact]
    public void A_record_makes_every_listed_version_known_with_its_timestamp_and_gives_text_to_its_highest()
    {
        var record = Snapshot("2009-11-13", 1, (1, "2007-03-31 16:55:14"), (2, null), (3, "2007-04-02 19:18:42"));

        var paper = Reconcile(record);

        Assert.Equal(3, paper.LatestVersion);
        Assert.Equal([(1, (DateTime?)Utc("2007-03-31 16:55:14"), (EvidenceFacts?)null), (2, null, null), (3, Utc("2007-04-02 19:18:42"), record)], paper.Versions.Select(v => (v.Version, v.SubmittedAt, v.TextFrom)));
        Assert.Same(record, paper.FieldsFrom);
        Assert.Equal((Utc("2007-03-31 16:55:14"), Utc("2007-04-02 19:18:42")), (paper.PublishedAt!.Value, paper.UpdatedAt!.Value));
    }

    [Theory]
    [InlineData(2, 1, DigestFormat.Snapshot)]   // the record's hash is higher: it outranks the detailed entry of the same date
    [InlineData(1, 2, DigestFormat.Detailed)]
    public void A_record_and_a_detailed_entry_of_the_same_version_and_date_compete_by_rank_alone(byte recordSha, byte detailedSha, DigestFormat winner)
    {
        var record = Snapshot("2020-10-02", recordSha, (1, "2020-09-30 10:00:00"));
        var detailed = Detailed("2020-10-02", 1, "2020-09-30 11:11:11", "2020-09-30 11:11:11", sha: detailedSha);

        var paper = Reconcile(record, detailed);

        Assert.Equal(winner, paper.Versions[0].Source);
        Assert.Equal(winner == DigestFormat.Snapshot ? Utc("2020-09-30 10:00:00") : Utc("2020-09-30 11:11:11"), paper.PublishedAt);
    }

    [Fact]
    public void A_version_the_best_record_gives_no_time_takes_it_from_the_next_entry_that_gives_one()
    {
        var newer = Snapshot("2021-06-01", 1, (1, null), (2, "2021-02-13 15:19:43"));
        var detailed = Detailed("2020-10-02", 1, "2020-09-30 14:58:03", "2020-09-30 14:58:03");

        var paper = Reconcile(newer, detailed);

        Assert.Equal(Utc("2020-09-30 14:58:03"), paper.Versions[0].SubmittedAt);
        Assert.Same(detailed, paper.Versions[0].TextFrom);
        Assert.Same(newer, paper.Versions[1].TextFrom);
    }

    [Fact]
    public void Compact_and_listing_entries_are_placed_by_the_timestamps_a_record_brings()
    {
        var record = Snapshot("2021-06-01", 1, (1, "2020-09-30 14:58:03"), (2, "2021-02-13 15:19:43"));
        var early = Compact("2020-10-01");
        var late = Listing("2021-02-15");

        var paper = Reconcile(record, early, late);

        Assert.Equal([(early, 1), (late, 2)], paper.DatedAssignments.Select(a => (a.Entry, a.Version)));
        Assert.Same(early, paper.Versions[0].TextFrom);
        Assert.Same(record, paper.Versions[1].TextFrom);
    }

    [Fact]
    public void The_paper_fields_come_from_the_highest_version_with_detailed_or_snapshot_text()
    {
        var record = Snapshot("2020-12-01", 1, (1, "2020-09-30 14:58:03"));
        var v2 = Detailed("2020-11-01", 2, "2020-09-30 14:58:03", "2020-10-20 10:00:00");

        var paper = Reconcile(record, v2);

        Assert.Same(v2, paper.FieldsFrom);
        Assert.Same(record, paper.Versions[0].TextFrom);
    }
}
