using Etl.Core.Generation;
using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>
/// report.digests reads each digest's paper counts, stored by the batch that loaded it and recounted by
/// rebuilds. Whatever the path, the view must equal its former definition over all of the evidence.
/// </summary>
public sealed class DigestPaperCountsTests : IDisposable
{
    private const string DigestsFromEvidence = """
        WITH first_seen AS (
            SELECT arxiv_id, min(digest_id) AS digest_id FROM warehouse.evidence GROUP BY arxiv_id
        ),
        new_papers AS (
            SELECT digest_id, count(*) AS papers FROM first_seen GROUP BY digest_id
        ),
        listed AS (
            SELECT digest_id, count(DISTINCT arxiv_id) AS papers FROM warehouse.evidence GROUP BY digest_id
        )
        SELECT d.digest_id, d.path AS file, d.format, d.category, d.digest_date, d.entries,
               coalesce(n.papers, 0)::integer AS new_papers,
               (coalesce(l.papers, 0) - coalesce(n.papers, 0))::integer AS papers_updated,
               d.rejected_entries, d.outcome, d.loaded_at
        FROM warehouse.digests d
        LEFT JOIN new_papers n ON n.digest_id = d.digest_id
        LEFT JOIN listed l ON l.digest_id = d.digest_id
        """;

    private readonly string _corpus = Directory.CreateTempSubdirectory("etl-digest-counts-").FullName;

    [Fact]
    public async Task The_stored_counts_equal_the_evidence_after_batches_daily_files_bad_files_and_a_rebuild()
    {
        var files = GeneratedCorpus.Write(_corpus, new GeneratorOptions { Papers = 200, Seed = 11, IncludeBadEntries = true });
        await using var database = await TestCluster.CreateDatabaseAsync();

        // Most files in batches of four (papers listed by several digests of one batch), then the rest
        // one at a time (papers first listed long before), the same content twice among them.
        await database.LoadAsync([.. files.Where((_, i) => i % 5 != 0)], new LoaderOptions { BatchFiles = 4 });
        foreach (var file in files.Where((_, i) => i % 5 == 0).Append(files[1]))
        {
            await database.LoadAsync([file]);
        }

        Assert.True(await database.CountAsync("SELECT count(*) FROM report.digests WHERE new_papers > 0 AND papers_updated > 0") > 0, "the corpus must have digests with new and known papers");
        Assert.True(await database.CountAsync("SELECT count(*) FROM report.digests WHERE outcome = 'rejected'") > 0, "the corpus must have rejected files");
        await database.AssertSameRowsAsync("SELECT * FROM report.digests", DigestsFromEvidence);

        // Evidence lost from the first digests moves those papers' first listing to later digests: the
        // rebuild (as after etl reparse) recounts every digest.
        await database.ExecuteAsync("DELETE FROM warehouse.evidence WHERE digest_id IN (SELECT digest_id FROM warehouse.digests WHERE entries > 0 ORDER BY digest_id LIMIT 3)");
        await WarehouseRebuild.RunAsync(database.DataSource, database.Retry);
        await database.AssertSameRowsAsync("SELECT * FROM report.digests", DigestsFromEvidence);
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
