using Etl.Core.Generation;
using Etl.Data.Discovery;
using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Loading;

/// <summary>The warehouse is a function of its evidence: wiping every derived table and rebuilding gives it back.</summary>
public sealed class RebuildTests : IDisposable
{
    private readonly string _corpus = Directory.CreateTempSubdirectory("etl-rebuild-").FullName;

    [Fact]
    public async Task Rebuilding_from_evidence_alone_gives_the_same_warehouse()
    {
        CorpusWriter.Write(_corpus, new GeneratorOptions { Papers = 80, Seed = 11 });
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.LoadAsync(DigestFileFinder.Find([_corpus]));
        var loaded = await database.DumpAsync();

        // Damage every derived table: wipe them, and leave a paper no evidence speaks for (with its lists, so
        // report.papers shows it).
        await database.ExecuteAsync("""
            TRUNCATE warehouse.papers, warehouse.authors, warehouse.author_variants, report_store.paper_lists CASCADE;
            INSERT INTO warehouse.papers (arxiv_id, latest_version, fields_digest_id, fields_line) VALUES ('9999.99999', 1, 0, 0);
            INSERT INTO report_store.paper_lists (arxiv_id, authors, categories, revised_at, known_versions) VALUES ('9999.99999', '{}', '{}', '{}', 0);
            """);
        Assert.Single(await database.DumpAsync());

        var papers = await WarehouseRebuild.RunAsync(database.DataSource, database.Retry);

        Assert.Equal(80, papers);
        Assert.Equal(loaded, await database.DumpAsync());
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
