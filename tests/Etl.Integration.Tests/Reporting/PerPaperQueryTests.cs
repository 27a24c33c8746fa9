using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>
/// The per-paper queries docs/reporting.md gives ("Per-paper queries") can be answered through their
/// indexes (sql/schema/013_report_at_scale.sql), whatever the data: with sequential scans priced out, each
/// plan names the index. How fast they are is the benchmark's business (docs/benchmarks.md), not a test's.
/// </summary>
public sealed class PerPaperQueryTests
{
    public static TheoryData<string, string> Queries => new()
    {
        { "SELECT * FROM report.papers WHERE 'cs.LG' = ANY (categories) AND published_at >= '2021-03-01' AND published_at < '2021-04-01'", "paper_lists_published_at" },
        { "SELECT * FROM report.papers WHERE primary_category = 'cs.LG' AND published_at >= '2021-03-01' AND published_at < '2021-04-01'", "paper_lists_published_at" },
        { "SELECT * FROM report.papers WHERE arxiv_id IN (SELECT arxiv_id FROM report.paper_authors WHERE display_name = 'Chen Lin')", "authors_display_name" },
        { "SELECT arxiv_id FROM report.paper_authors WHERE author_key = 'chen lin'", "paper_authors_author_key" },
        { "SELECT * FROM report.coauthorships WHERE 'chen lin' IN (author_key_a, author_key_b)", "coauthor_pairs_author_key_b" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_documented_query_can_use_its_index(string query, string index)
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var off = connection.CreateCommand())
        {
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync();
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

        Assert.True(plan.Any(line => line.Contains(index, StringComparison.Ordinal)), $"the plan does not use {index}:{Environment.NewLine}{string.Join(Environment.NewLine, plan)}");
    }
}
