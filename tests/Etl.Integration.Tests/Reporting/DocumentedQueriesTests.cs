using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>Every SQL example of docs/reporting.md runs as etl_reader on the shared seeds and returns rows.</summary>
public sealed class DocumentedQueriesTests(SeedsWarehouse seeds) : IClassFixture<SeedsWarehouse>
{
    public static TheoryData<int> Examples => [.. Enumerable.Range(0, ExampleQueries().Count)];

    [SharedSamplesFact]
    public void The_documentation_has_at_least_ten_examples() => Assert.True(ExampleQueries().Count >= 10, $"docs/reporting.md has {ExampleQueries().Count} examples");

    [SharedSamplesTheory]
    [MemberData(nameof(Examples))]
    public async Task Each_example_returns_rows_for_the_reader(int index)
    {
        var sql = ExampleQueries()[index];
        var reader = await seeds.ReaderAsync();
        await using var command = reader.CreateCommand(sql);
        await using var rows = await command.ExecuteReaderAsync();
        Assert.True(await rows.ReadAsync(), $"example {index + 1} of docs/reporting.md returned no rows:{Environment.NewLine}{sql}");
    }

    /// <summary>The ```sql blocks of the section "## Examples".</summary>
    private static List<string> ExampleQueries() => DocumentedSql.Blocks("## Examples");
}
