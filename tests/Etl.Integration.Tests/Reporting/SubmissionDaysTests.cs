using Etl.Core.Generation;
using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>
/// report.daily_submissions counts from report_store.paper_lists' copies of the papers' days
/// (sql/schema/013_report_at_scale.sql): after loads in batches, daily loads and etl rebuild, it gives the
/// rows counting from warehouse.papers and warehouse.paper_versions themselves gives.
/// </summary>
public sealed class SubmissionDaysTests : IDisposable
{
    /// <summary>The view's counts, from the warehouse's own tables.</summary>
    private const string FromWarehouse = """
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

    private const string FromView = "SELECT * FROM report.daily_submissions";

    private readonly string _corpus = Directory.CreateTempSubdirectory("etl-submission-days-").FullName;

    [Fact]
    public async Task The_view_equals_the_counts_of_the_warehouse_after_batches_daily_loads_and_a_rebuild()
    {
        var files = GeneratedCorpus.Write(_corpus, new GeneratorOptions { Papers = 300, Seed = 23, IncludeBadEntries = true });
        await using var database = await TestCluster.CreateDatabaseAsync();

        await database.LoadAsync([.. files.Where((_, i) => i % 6 != 0)], new LoaderOptions { BatchFiles = 4 });
        Assert.True(await database.CountAsync("SELECT count(*) FROM report.daily_submissions WHERE new_versions > 0") > 0, "the corpus has no revisions");
        await database.AssertSameRowsAsync(FromView, FromWarehouse);

        foreach (var file in files.Where((_, i) => i % 6 == 0))
        {
            await database.LoadAsync([file]);
        }

        await database.AssertSameRowsAsync(FromView, FromWarehouse);

        await database.ExecuteAsync("UPDATE report_store.paper_lists SET published_at = NULL, revised_at = '{}'");
        await WarehouseRebuild.RunAsync(database.DataSource, database.Retry);
        await database.AssertSameRowsAsync(FromView, FromWarehouse);
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
