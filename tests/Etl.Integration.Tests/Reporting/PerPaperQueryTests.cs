using Etl.Core.Generation;
using Etl.Integration.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>
/// The per-paper queries docs/reporting.md gives ("Per-paper queries") can be answered through their
/// indexes (sql/schema/013_report_at_scale.sql), whatever the data: with sequential scans priced out, each
/// plan names the index. report.coauthorships_of gives an author's rows of report.coauthorships. How fast
/// they are is the benchmark's business (docs/benchmarks.md), not a test's.
/// </summary>
public sealed class PerPaperQueryTests : IDisposable
{
    private readonly string _corpus = Directory.CreateTempSubdirectory("etl-per-paper-").FullName;

    public static TheoryData<string, string> Queries => new()
    {
        { "SELECT * FROM report.papers WHERE 'cs.LG' = ANY (categories) AND published_at >= '2021-03-01' AND published_at < '2021-04-01'", "paper_lists_published_at" },
        { "SELECT * FROM report.papers WHERE primary_category = 'cs.LG' AND published_at >= '2021-03-01' AND published_at < '2021-04-01'", "paper_lists_published_at" },
        { "SELECT * FROM report.papers WHERE arxiv_id IN (SELECT arxiv_id FROM report.paper_authors WHERE display_name = 'Chen Lin')", "authors_display_name" },
        { "SELECT arxiv_id FROM report.paper_authors WHERE author_key = 'chen lin'", "paper_authors_author_key" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_documented_query_can_use_its_index(string query, string index)
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var plan = await PlanAsync(connection, query, indexes: true);
        Assert.True(plan.Contains(index, StringComparison.Ordinal), $"the plan does not use {index}:{Environment.NewLine}{plan}");
    }

    /// <summary>
    /// The per-paper views are never planned in parallel (sql/schema/015_serial_views.sql), even when
    /// parallel plans cost nothing; the same query of their tables is, so the settings do what they say.
    /// </summary>
    [Theory]
    [InlineData("report.papers", "warehouse.papers")]
    [InlineData("report.paper_versions", "warehouse.paper_versions")]
    [InlineData("report.revisions", "warehouse.papers")]
    [InlineData("report.paper_authors", "warehouse.paper_authors")]
    public async Task A_per_paper_view_is_planned_without_parallel_workers(string view, string table)
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var cheap = connection.CreateCommand())
        {
            cheap.CommandText = """
                SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET max_parallel_workers_per_gather = 2;
                SET min_parallel_table_scan_size = 0; SET min_parallel_index_scan_size = 0
                """;
            await cheap.ExecuteNonQueryAsync();
        }

        Assert.Contains("Gather", await PlanAsync(connection, $"SELECT * FROM {table}", indexes: false), StringComparison.Ordinal);
        var plan = await PlanAsync(connection, $"SELECT * FROM {view}", indexes: false);
        Assert.DoesNotContain("Gather", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Parallel", plan, StringComparison.Ordinal);
    }

    /// <summary>
    /// A query that reads only some columns does not look up the rows the view joins for the others
    /// (the joins are LEFT, to rows that always exist); with every column it does.
    /// </summary>
    [Theory]
    [InlineData("SELECT arxiv_id FROM report.papers WHERE 'cs.LG' = ANY (categories) AND published_at >= '2021-03-01' AND published_at < '2021-04-01'", "on papers ")]
    [InlineData("SELECT arxiv_id FROM report.paper_authors WHERE author_key = 'chen lin'", "on authors ")]
    [InlineData("SELECT arxiv_id FROM report.revisions WHERE arxiv_id = '2103.00001'", "on paper_lists ")]
    public async Task A_query_of_some_columns_skips_the_joins_it_does_not_need(string query, string skipped)
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.DoesNotContain(skipped, await PlanAsync(connection, query, indexes: true), StringComparison.Ordinal);
        var everyColumn = "SELECT *" + query["SELECT arxiv_id".Length..];
        Assert.Contains(skipped, await PlanAsync(connection, everyColumn, indexes: true), StringComparison.Ordinal);
    }

    private static async Task<string> PlanAsync(NpgsqlConnection connection, string query, bool indexes)
    {
        await using (var scans = connection.CreateCommand())
        {
            // With sequential scans priced out, a join that stays in the plan names its table's index.
            scans.CommandText = $"SET enable_seqscan = {(indexes ? "off" : "on")}";
            await scans.ExecuteNonQueryAsync();
        }

        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN " + query;
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        return string.Join(Environment.NewLine, plan);
    }

    [Fact]
    public async Task Coauthorships_of_an_author_are_the_views_rows_on_either_side()
    {
        var files = GeneratedCorpus.Write(_corpus, new GeneratorOptions { Papers = 300, Seed = 5 });
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.LoadAsync(files);

        // The 30 authors with most pairs, and one with none.
        var authors = new List<string>();
        await using (var command = database.DataSource.CreateCommand("""
            SELECT author_key FROM (SELECT author_key_a AS author_key FROM report.coauthorships UNION ALL SELECT author_key_b FROM report.coauthorships) s
            GROUP BY author_key ORDER BY count(*) DESC, author_key LIMIT 30
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                authors.Add(reader.GetString(0));
            }
        }

        Assert.Equal(30, authors.Count);
        foreach (var author in authors)
        {
            var key = author.Replace("'", "''", StringComparison.Ordinal);
            await database.AssertSameRowsAsync(
                $"SELECT * FROM report.coauthorships_of('{key}')",
                $"SELECT * FROM report.coauthorships WHERE '{key}' IN (author_key_a, author_key_b)");
        }

        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM report.coauthorships_of('nobody at all')"));

        // The reader calls it without any grant on the stores.
        var readerSource = await ReaderRoleTests.ReaderAsync(database);
        await using var call = readerSource.CreateCommand($"SELECT count(*) FROM report.coauthorships_of('{authors[0].Replace("'", "''", StringComparison.Ordinal)}')");
        Assert.True((long)(await call.ExecuteScalarAsync())! > 0);
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
