using System.Text.RegularExpressions;
using Etl.Core.Generation;
using Etl.Data.Loading;
using Etl.Data.Reporting;
using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>
/// report.authors and report.coauthorships read the author store, which each batch only marks and the
/// end of each load brings up to date (a full recompute or a delta). Whatever the path, the views must
/// equal the former plain views computed from the whole warehouse.
/// </summary>
public sealed class AuthorStoreTests : IDisposable
{
    // The definitions the stores must agree with: the views before materialization, over all papers.
    private const string AuthorsFromWarehouse = """
        WITH pair_papers AS (
            SELECT arxiv_id FROM warehouse.paper_authors GROUP BY arxiv_id
            HAVING count(DISTINCT author_key) <= (SELECT pair_author_limit FROM report_store.settings)
        ),
        author_papers AS (
            SELECT DISTINCT pa.author_key, pa.arxiv_id, (p.published_at AT TIME ZONE 'UTC')::date AS day, p.primary_category
            FROM warehouse.paper_authors pa
            JOIN warehouse.papers p ON p.arxiv_id = pa.arxiv_id
        ),
        totals AS (
            SELECT author_key, count(*)::integer AS papers, min(day) AS first_paper_date, max(day) AS last_paper_date
            FROM author_papers
            GROUP BY author_key
        ),
        coauthors AS (
            SELECT a.author_key, count(DISTINCT b.author_key)::integer AS coauthors
            FROM warehouse.paper_authors a
            JOIN warehouse.paper_authors b ON b.arxiv_id = a.arxiv_id AND b.author_key <> a.author_key
            WHERE a.arxiv_id IN (SELECT arxiv_id FROM pair_papers)
            GROUP BY a.author_key
        ),
        categories AS (
            SELECT author_key, (array_agg(primary_category ORDER BY papers DESC, primary_category COLLATE "C"))[1:3] AS top_categories
            FROM (SELECT author_key, primary_category, count(*) AS papers
                  FROM author_papers WHERE primary_category IS NOT NULL
                  GROUP BY author_key, primary_category) per_category
            GROUP BY author_key
        )
        SELECT au.author_key, au.display_name, t.papers, t.first_paper_date, t.last_paper_date,
               coalesce(c.coauthors, 0) AS coauthors, coalesce(k.top_categories, '{}'::text[]) AS top_categories
        FROM totals t
        JOIN warehouse.authors au ON au.author_key = t.author_key
        LEFT JOIN coauthors c ON c.author_key = t.author_key
        LEFT JOIN categories k ON k.author_key = t.author_key
        """;

    private const string CoauthorshipsFromWarehouse = """
        SELECT j.author_key_a, a.display_name AS display_name_a, j.author_key_b, b.display_name AS display_name_b,
               j.joint_papers, j.first_joint_date, j.last_joint_date
        FROM (SELECT x.author_key AS author_key_a, y.author_key AS author_key_b, count(*)::integer AS joint_papers,
                     min((p.published_at AT TIME ZONE 'UTC')::date) AS first_joint_date,
                     max((p.published_at AT TIME ZONE 'UTC')::date) AS last_joint_date
              FROM (SELECT DISTINCT arxiv_id, author_key FROM warehouse.paper_authors) x
              JOIN (SELECT DISTINCT arxiv_id, author_key FROM warehouse.paper_authors) y
                ON y.arxiv_id = x.arxiv_id AND y.author_key COLLATE "C" > x.author_key COLLATE "C"
              JOIN warehouse.papers p ON p.arxiv_id = x.arxiv_id
              WHERE x.arxiv_id IN (SELECT arxiv_id FROM warehouse.paper_authors GROUP BY arxiv_id
                                   HAVING count(DISTINCT author_key) <= (SELECT pair_author_limit FROM report_store.settings))
              GROUP BY x.author_key, y.author_key) j
        JOIN warehouse.authors a ON a.author_key = j.author_key_a
        JOIN warehouse.authors b ON b.author_key = j.author_key_b
        """;

    private readonly string _corpus = Directory.CreateTempSubdirectory("etl-author-store-").FullName;

    [Fact]
    public async Task The_store_equals_the_plain_views_after_a_backfill_daily_loads_changed_papers_a_crash_and_a_rebuild()
    {
        var files = GeneratedCorpus.Write(_corpus, new GeneratorOptions { Papers = 300, Seed = 7, IncludeBadEntries = true });
        await using var database = await TestCluster.CreateDatabaseAsync();

        // A backfill of most files in batches of 3: one full recompute at its end.
        var backfill = files.Where((_, i) => i % 8 != 0).ToArray();
        var summary = await database.LoadAsync(backfill, new LoaderOptions { BatchFiles = 3 });
        Assert.Contains("report store: author_store_full", summary.Timings.Keys);
        await AssertStoreEqualsWarehouseAsync(database);

        // The rest one file at a time (new papers and new versions of stored ones): deltas.
        var deltas = 0;
        foreach (var file in files.Where((_, i) => i % 8 == 0))
        {
            summary = await database.LoadAsync([file]);
            deltas += summary.Timings.ContainsKey("report store: author_store_delta") ? 1 : 0;
        }

        Assert.True(deltas > 10, $"only {deltas} loads drained by delta");
        await AssertStoreEqualsWarehouseAsync(database);
        Assert.True(await database.CountAsync("SELECT count(*) FROM report.coauthorships WHERE joint_papers > 1") > 0, "the corpus must repeat some pairs");

        // Papers whose author list and v1 day change: contributions taken back, dates recounted.
        var changed = await WriteChangedPapersAsync(database, files);
        summary = await database.LoadAsync([changed]);
        Assert.Contains("report store: author_store_delta", summary.Timings.Keys);
        Assert.Equal(5, await database.CountAsync("SELECT count(*) FROM report_store.paper_author_keys WHERE 'zed newcomer' = ANY (author_keys)"));
        await AssertStoreEqualsWarehouseAsync(database);

        // A load killed after its first batch committed, before its last (which drains): the views lag, the
        // papers and the renamed author wait. Seven entries now spell the newcomer with a diaeresis, five without.
        var crashed = await WriteChangedPapersAsync(database, files, newcomer: "Zëd Newcomer", papers: 7);
        using (var killed = new CancellationTokenSource())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new WarehouseLoader(database.DataSource, database.Retry, new LoaderOptions { BatchFiles = 1, OrderByDigestDate = false })
                .LoadAsync([crashed, changed], onFile: _ => killed.Cancel(), cancellationToken: killed.Token));
        }

        Assert.True(await database.CountAsync("SELECT count(*) FROM report_store.dirty_papers") > 0);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM report_store.dirty_authors WHERE author_key = 'zed newcomer'"));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM report.authors WHERE author_key = 'zed newcomer' AND display_name = 'Zed Newcomer' AND papers = 5"));
        await database.LoadAsync([changed]);  // already loaded: nothing new, but the leftovers are drained
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM report.authors WHERE author_key = 'zed newcomer' AND display_name = 'Zëd Newcomer' AND papers = 7"));
        Assert.True(await database.CountAsync("SELECT count(*) FROM report.coauthorships WHERE display_name_a = 'Zëd Newcomer' OR display_name_b = 'Zëd Newcomer'") > 0);
        await AssertStoreEqualsWarehouseAsync(database);

        // etl rebuild recomputes everything, whatever state the store was in.
        await database.ExecuteAsync("DELETE FROM report_store.coauthor_pairs WHERE joint_papers > 1; UPDATE report_store.author_stats SET papers = 0");
        await WarehouseRebuild.RunAsync(database.DataSource, database.Retry);
        await AssertStoreEqualsWarehouseAsync(database);
    }

    /// <summary>
    /// A new detailed digest giving stored papers (three or more authors) a new version signed by
    /// <paramref name="newcomer"/> instead of their first author, submitted (v1) a year earlier.
    /// </summary>
    private async Task<string> WriteChangedPapersAsync(TestDatabase database, string[] files, string newcomer = "Zed Newcomer", int papers = 5)
    {
        var source = files.Where(file => file.Contains("detailed", StringComparison.Ordinal)).MaxBy(file => File.ReadAllText(file).Split("\n### ").Length)!;
        var blocks = File.ReadAllText(source).Split("\n### ");
        var edited = 0;
        for (var i = 1; i < blocks.Length && edited < papers; i++)
        {
            var id = Regex.Match(blocks[i], @"abs/([^v\s]+)v(\d+)");
            if (!id.Success || await database.CountAsync($"SELECT count(DISTINCT author_key) FROM warehouse.paper_authors WHERE arxiv_id = '{id.Groups[1].Value}'") < 3)
            {
                continue;
            }

            var latest = await database.ScalarAsync<int>($"SELECT latest_version FROM warehouse.papers WHERE arxiv_id = '{id.Groups[1].Value}'");
            var block = Regex.Replace(blocks[i], @"(abs/[^v\s]+)v\d+", m => $"{m.Groups[1].Value}v{latest + 1}");
            block = Regex.Replace(block, @"- \*\*Authors\*\*: [^,\n]+", $"- **Authors**: {newcomer}");
            block = Regex.Replace(block, @"- \*\*Published\*\*: (\d{4})", m => $"- **Published**: {int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1}");
            blocks[i] = block;
            edited++;
        }

        Assert.Equal(papers, edited);
        var path = Path.Combine(_corpus, $"changed-{newcomer.Replace(' ', '-')}.md");
        await File.WriteAllTextAsync(path, string.Join("\n### ", blocks));
        return path;
    }

    [Fact]
    public async Task A_paper_with_more_authors_than_the_limit_forms_no_pairs_until_a_rebuild_raises_the_limit()
    {
        var crowd = Enumerable.Range(1, 150).Select(i => $"Member{i} Collab").ToList();
        var path = Path.Combine(_corpus, "collaboration.md");
        await File.WriteAllTextAsync(path, $"""
            # Arxiv Papers in hep-ex on 2021-03-01
            ### A Measurement by a Large Collaboration
            - **Arxiv ID**: http://arxiv.org/abs/2103.00001v1
            - **Categories**: **hep-ex**
            - **Published**: 2021-03-01 10:00:00+00:00
            - **Updated**: 2021-03-01 10:00:00+00:00
            - **Authors**: {string.Join(", ", crowd)}
            - **Summary**: Many authors.

            ### A Small Follow-up
            - **Arxiv ID**: http://arxiv.org/abs/2103.00002v1
            - **Categories**: **hep-ex**
            - **Published**: 2021-03-01 11:00:00+00:00
            - **Updated**: 2021-03-01 11:00:00+00:00
            - **Authors**: Member1 Collab, Member2 Collab, Solo Writer
            - **Summary**: Three authors.

            """);
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.LoadAsync([path]);

        // Only the follow-up forms pairs; every member still counts the collaboration's paper.
        Assert.Equal(3, await database.CountAsync("SELECT count(*) FROM report.coauthorships"));
        Assert.Equal(150, await database.CountAsync("SELECT count(*) FROM report.authors WHERE author_key LIKE 'member%' AND papers >= 1"));
        Assert.Equal(2, await database.ScalarAsync<int>("SELECT coauthors FROM report.authors WHERE author_key = 'member1 collab'"));
        Assert.Equal(0, await database.ScalarAsync<int>("SELECT coauthors FROM report.authors WHERE author_key = 'member99 collab'"));
        await AssertStoreEqualsWarehouseAsync(database);

        var papers = await WarehouseRebuild.RunAsync(database.DataSource, database.Retry, new ReportingOptions { PairAuthorLimit = 200 });
        Assert.Equal(2, papers);
        Assert.Equal((150 * 149 / 2) + 2, await database.CountAsync("SELECT count(*) FROM report.coauthorships"));
        Assert.Equal(150, await database.ScalarAsync<int>("SELECT coauthors FROM report.authors WHERE author_key = 'member1 collab'"));
        await AssertStoreEqualsWarehouseAsync(database);
    }

    private static async Task AssertStoreEqualsWarehouseAsync(TestDatabase database)
    {
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM report_store.dirty_papers") + await database.CountAsync("SELECT count(*) FROM report_store.dirty_authors"));
        await database.AssertSameRowsAsync("SELECT * FROM report.authors", AuthorsFromWarehouse);
        await database.AssertSameRowsAsync("SELECT * FROM report.coauthorships", CoauthorshipsFromWarehouse);
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
