using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>The five search examples of docs/reporting.md ("Search") run as etl_reader on the shared seeds and return rows.</summary>
public sealed class SearchExamplesTests(SeedsWarehouse seeds) : IClassFixture<SeedsWarehouse>
{
    public static TheoryData<int> Examples => [.. Enumerable.Range(0, ExampleQueries().Count)];

    [Fact]
    public void The_search_section_has_five_examples() => Assert.Equal(5, ExampleQueries().Count);

    [SharedSamplesTheory]
    [MemberData(nameof(Examples))]
    public async Task Each_example_returns_rows_for_the_reader(int index)
    {
        var sql = ExampleQueries()[index];
        Assert.Contains("report.search_papers", sql, StringComparison.Ordinal);
        var reader = await seeds.ReaderAsync();
        await using var command = reader.CreateCommand(sql);
        await using var rows = await command.ExecuteReaderAsync();
        Assert.True(await rows.ReadAsync(), $"search example {index + 1} of docs/reporting.md returned no rows:{Environment.NewLine}{sql}");
    }

    /// <summary>The ```sql blocks of the section "## Search".</summary>
    private static List<string> ExampleQueries() => DocumentedSql.Blocks("## Search");
}
