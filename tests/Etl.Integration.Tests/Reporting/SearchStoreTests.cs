using System.Text.RegularExpressions;
using Etl.Core.Generation;
using Etl.Data;
using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>
/// report_store.paper_search stays current: after a backfill (one full recompute), after daily loads (deltas),
/// after a paper's title changes, and after etl rebuild, it equals the words computed afresh from the
/// warehouse, and the search finds each paper by its latest text as soon as the load commits.
/// </summary>
public sealed partial class SearchStoreTests : IDisposable
{
    /// <summary>What the table must hold: every paper's words computed from its current row and lists.</summary>
    private const string Computed = """
        SELECT p.arxiv_id, coalesce(l.categories, '{}'::text[]), p.published_at, report_store.paper_words(p.title, p.abstract),
               report_store.author_words(ARRAY(SELECT pa.author_key FROM warehouse.paper_authors pa WHERE pa.arxiv_id = p.arxiv_id ORDER BY pa.position))
        FROM warehouse.papers p LEFT JOIN report_store.paper_lists l ON l.arxiv_id = p.arxiv_id
        """;

    private const string Stored = "SELECT arxiv_id, categories, published_at, document, authors FROM report_store.paper_search";

    private readonly string _corpus = Directory.CreateTempSubdirectory("etl-search-store-").FullName;

    [Fact]
    public async Task The_words_equal_the_warehouse_after_a_backfill_daily_loads_a_title_change_and_a_rebuild()
    {
        var files = GeneratedCorpus.Write(_corpus, new GeneratorOptions { Papers = 300, Seed = 11, IncludeBadEntries = true });
        await using var database = await TestCluster.CreateDatabaseAsync();

        var summary = await database.LoadAsync([.. files.Where((_, i) => i % 8 != 0)], new LoaderOptions { BatchFiles = 3 });
        Assert.Contains("report store: paper_search_full", summary.Timings.Keys);
        await database.AssertSameRowsAsync(Stored, Computed);

        // The full recompute makes the table again: it must be the schema's (sql/schema/011_paper_search.sql),
        // with its columns, key, index and comment, as a database whose table the schema file made.
        await using (var bySchema = await TestCluster.CreateDatabaseAsync())
        {
            await bySchema.ExecuteAsync(
                "DROP TABLE report_store.paper_search; DROP FUNCTION report_store.paper_words(text, text), report_store.author_words(text[]);"
                + EmbeddedSql.Read(typeof(Etl.Migrations.Migrations.PaperSearch).Assembly, "sql/schema/011_paper_search.sql"));
            Assert.Equal(await SchemaDefinitions.ReadAsync(bySchema), await SchemaDefinitions.ReadAsync(database));
        }

        var deltas = 0;
        foreach (var file in files.Where((_, i) => i % 8 == 0))
        {
            summary = await database.LoadAsync([file]);
            deltas += summary.Timings.ContainsKey("report store: paper_search_delta") ? 1 : 0;
        }

        Assert.True(deltas > 10, $"only {deltas} loads refreshed search by delta");
        await database.AssertSameRowsAsync(Stored, Computed);

        // A new version renames a stored paper: found by the new title once its load commits, not by the old.
        var (renamed, oldTitle, changed) = await WriteRenamedPaperAsync(database, files, "Quokka Harmonics for Zebra Lattices");
        Assert.Empty(await FoundAsync(database, "\"quokka harmonics\""));
        summary = await database.LoadAsync([changed]);
        Assert.Contains("report store: paper_search_delta", summary.Timings.Keys);
        Assert.Equal([renamed], await FoundAsync(database, "\"quokka harmonics\" zebra lattices"));
        Assert.DoesNotContain(renamed, await FoundAsync(database, $"\"{oldTitle}\""));
        await database.AssertSameRowsAsync(Stored, Computed);

        // etl rebuild (and so etl reparse) recomputes every paper's words, whatever the table held.
        await database.ExecuteAsync("DELETE FROM report_store.paper_search WHERE arxiv_id IN (SELECT arxiv_id FROM report_store.paper_search LIMIT 20); UPDATE report_store.paper_search SET document = ''");
        await WarehouseRebuild.RunAsync(database.DataSource, database.Retry);
        await database.AssertSameRowsAsync(Stored, Computed);
        Assert.Equal([renamed], await FoundAsync(database, "\"quokka harmonics\" zebra lattices"));
    }

    private static async Task<List<string>> FoundAsync(TestDatabase database, string query)
    {
        await using var command = database.DataSource.CreateCommand("SELECT arxiv_id FROM report.search_papers(@query, max_rows => 1000)");
        command.Parameters.AddWithValue("query", query);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>A new detailed digest with the next version of a stored paper under a new title.</summary>
    private async Task<(string Id, string OldTitle, string File)> WriteRenamedPaperAsync(TestDatabase database, string[] files, string title)
    {
        foreach (var source in files.Where(file => file.Contains("detailed", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(source);
            var blocks = text.Split("\n### ");
            foreach (var block in blocks.Skip(1))
            {
                var id = ArxivId().Match(block);
                if (!id.Success)
                {
                    continue;
                }

                var oldTitle = await database.ScalarAsync<string>($"SELECT title FROM warehouse.papers WHERE arxiv_id = '{id.Groups[1].Value}'");
                if (oldTitle is null || oldTitle.Contains('"', StringComparison.Ordinal))
                {
                    continue;
                }

                var latest = await database.ScalarAsync<int>($"SELECT latest_version FROM warehouse.papers WHERE arxiv_id = '{id.Groups[1].Value}'");
                var renamed = ArxivIdVersion().Replace(block, m => $"{m.Groups[1].Value}v{latest + 1}");
                renamed = title + renamed[renamed.IndexOf('\n', StringComparison.Ordinal)..];
                var file = Path.Combine(_corpus, "renamed.md");
                await File.WriteAllTextAsync(file, blocks[0] + "\n### " + renamed);
                return (id.Groups[1].Value, oldTitle, file);
            }
        }

        throw new InvalidOperationException("the corpus has no detailed entry of a stored paper");
    }

    [GeneratedRegex(@"abs/([^v\s]+)v\d+")]
    private static partial Regex ArxivId();

    [GeneratedRegex(@"(abs/[^v\s]+)v\d+")]
    private static partial Regex ArxivIdVersion();

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
