using Etl.Core.Generation;
using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>
/// report.daily_submissions and report.category_trends count from report_store.paper_lists' copies of the
/// papers' days and categories (sql/schema/013_report_at_scale.sql): after loads in batches, daily loads
/// and etl rebuild, they give the rows that counting from warehouse.papers, warehouse.paper_versions and
/// warehouse.paper_categories themselves gives (the views' definitions before they read the copies).
/// </summary>
public sealed class AggregateViewsTests : IDisposable
{
    /// <summary>report.daily_submissions' counts, from the warehouse's own tables.</summary>
    private const string SubmissionsFromWarehouse = """
        WITH events AS (
            SELECT (p.published_at AT TIME ZONE 'UTC')::date AS day, p.primary_category AS category, 1 AS new_paper, 0 AS new_version, 0 AS cross_listed
            FROM warehouse.papers p
            WHERE p.published_at IS NOT NULL AND p.primary_category IS NOT NULL
            UNION ALL
            SELECT (v.submitted_at AT TIME ZONE 'UTC')::date, p.primary_category, 0, 1, 0
            FROM warehouse.paper_versions v JOIN warehouse.papers p ON p.arxiv_id = v.arxiv_id
            WHERE v.version > 1 AND v.submitted_at IS NOT NULL AND p.primary_category IS NOT NULL
            UNION ALL
            SELECT (p.published_at AT TIME ZONE 'UTC')::date, c.code, 0, 0, 1
            FROM warehouse.paper_categories c JOIN warehouse.papers p ON p.arxiv_id = c.arxiv_id
            WHERE NOT c.is_primary AND p.published_at IS NOT NULL
        )
        SELECT day, category, sum(new_paper)::integer, sum(new_version)::integer, sum(cross_listed)::integer
        FROM events GROUP BY day, category
        """;

    /// <summary>report.category_trends' rows, from the warehouse's own tables.</summary>
    private const string TrendsFromWarehouse = """
        WITH listed AS (
            SELECT date_trunc('month', p.published_at AT TIME ZONE 'UTC')::date AS month, c.code AS category,
                   count(*) FILTER (WHERE c.is_primary) AS primary_papers,
                   count(*) FILTER (WHERE NOT c.is_primary) AS cross_listed_papers
            FROM warehouse.paper_categories c
            JOIN warehouse.papers p ON p.arxiv_id = c.arxiv_id
            WHERE p.published_at IS NOT NULL
            GROUP BY 1, 2
        )
        SELECT month, category, primary_papers::integer, cross_listed_papers::integer,
               round(primary_papers::numeric / nullif(sum(primary_papers) OVER (PARTITION BY month), 0), 4)
        FROM listed
        """;

    private readonly string _corpus = Directory.CreateTempSubdirectory("etl-aggregate-views-").FullName;

    [Fact]
    public async Task The_views_equal_the_counts_of_the_warehouse_after_batches_daily_loads_and_a_rebuild()
    {
        var files = GeneratedCorpus.Write(_corpus, new GeneratorOptions { Papers = 300, Seed = 23, IncludeBadEntries = true });
        await using var database = await TestCluster.CreateDatabaseAsync();

        await database.LoadAsync([.. files.Where((_, i) => i % 6 != 0)], new LoaderOptions { BatchFiles = 4 });
        Assert.True(await database.CountAsync("SELECT count(*) FROM report.daily_submissions WHERE new_versions > 0") > 0, "the corpus has no revisions");
        await AssertSameAsWarehouseAsync(database);

        foreach (var file in files.Where((_, i) => i % 6 == 0))
        {
            await database.LoadAsync([file]);
        }

        await AssertSameAsWarehouseAsync(database);

        await database.ExecuteAsync("UPDATE report_store.paper_lists SET published_at = NULL, revised_at = '{}'");
        await WarehouseRebuild.RunAsync(database.DataSource, database.Retry);
        await AssertSameAsWarehouseAsync(database);
    }

    private static async Task AssertSameAsWarehouseAsync(TestDatabase database)
    {
        await database.AssertSameRowsAsync("SELECT * FROM report.daily_submissions", SubmissionsFromWarehouse);
        await database.AssertSameRowsAsync("SELECT * FROM report.category_trends", TrendsFromWarehouse);
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
