using Etl.Core.Model;
using Etl.Core.Reporting;
using Etl.Data.Discovery;
using Etl.Data.Loading;
using Etl.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Xunit;

namespace Etl.Integration.Tests.Loading;

/// <summary>Daily JSON-lines listings beside the two digest formats, in a real PostgreSQL.</summary>
public sealed class ListingLoadTests
{
    [SharedSamplesFact]
    public async Task Listings_reconcile_with_digests_in_any_order_and_batching()
    {
        // Author display names are chosen across everything loaded, so the expected warehouse of the three
        // folders together is the in-memory reference over the same files, not the per-folder files.
        string[] files = [.. SharedSamples.Files("listings"), .. SharedSamples.Files("seeds"), .. SharedSamples.Files("real")];
        var reference = new ReferenceWarehouse();
        foreach (var file in files)
        {
            reference.Add(file, File.ReadAllBytes(file));
        }

        var expected = reference.Build().Select(ReportJson.Serialize).ToList();
        for (var seed = 0; seed < 3; seed++)
        {
            var random = new Random(seed);
            var order = files.ToArray();
            random.Shuffle(order);
            var split = random.Next(1, order.Length);
            var options = new LoaderOptions { BatchFiles = 1 + random.Next(200), OrderByDigestDate = seed != 0 };

            await using var database = await TestCluster.CreateDatabaseAsync();
            await database.LoadAsync(order[..split], options);
            var summary = await database.LoadAsync(order[split..], options);

            Assert.Equal(0, summary.RejectedEntries);
            var differences = ExpectedDump.Differences(await database.DumpAsync(), expected);
            Assert.True(differences.Count == 0, $"seed {seed}: {string.Join(Environment.NewLine, differences)}");
        }
    }

    [SharedSamplesFact]
    public async Task Listing_digests_have_no_category_and_listing_texts_are_a_source()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.LoadAsync(SharedSamples.Files("listings"));

        // 2025-03-22 and -23 are byte-identical: one content, loaded once. (03-21 holds the same rows in
        // another order, so it is a content of its own: 5 digests and 8 listing contents from 14 files.)
        Assert.Equal(13, await database.CountAsync("SELECT count(*) FROM warehouse.digests"));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM warehouse.digests WHERE format = 'listing' AND category IS NOT NULL"));
        Assert.Equal(8, await database.CountAsync("SELECT count(*) FROM warehouse.digests WHERE format = 'listing'"));
        Assert.True(await database.CountAsync("SELECT count(*) FROM report.paper_versions WHERE source = 'listing'") > 700);
        Assert.Equal(444, await database.CountAsync("""
            SELECT count(*) FROM (
                SELECT e.arxiv_id FROM warehouse.evidence e
                GROUP BY e.arxiv_id HAVING count(DISTINCT e.format) = 2) AS both_formats
            """));
    }

    [Fact]
    public async Task Bad_listing_lines_and_a_listing_without_a_date_are_recorded_and_the_rest_loads()
    {
        var folder = Directory.CreateTempSubdirectory("etl-listings-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "2025-03-19.jsonl"), """
                {"id": "2503.00001", "title": "Good", "authors": ["Ada Lovelace"], "categories": ["cs.CV"]}
                {"id": "2503.00002v2", "title": "Versioned id"}
                {"id": "2503.00003", "title":

                {"id": "2503.00004", "title": "Also good", "authors": "Alan Turing"}
                """);
            File.WriteAllText(Path.Combine(folder, "latest.jsonl"), "{\"id\": \"2503.00005\", \"title\": \"t\"}\n");
            var files = DigestFileFinder.Find([folder]);
            await using var database = await TestCluster.CreateDatabaseAsync();

            var outcomes = new List<FileOutcome>();
            var summary = await database.LoadAsync(files, onFile: outcomes.Add);

            Assert.Equal(2, files.Count);
            Assert.Equal((1, 1, 1L, 3L), (summary.FilesLoaded, summary.FilesRejected, summary.Entries, summary.RejectedEntries));
            Assert.Equal([2, 3, 5], outcomes.Single(o => o.Kind == FileOutcomeKind.LoadedWithRejections).Rejections.Select(r => r.Line));
            Assert.Equal(4, await database.CountAsync("SELECT count(*) FROM warehouse.rejections"));
            Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM warehouse.rejections WHERE line = 1 AND reason LIKE 'line 1: not a listing: the file name ''latest.jsonl''%'"));
            Assert.Equal("listing", await database.ScalarAsync<string>("SELECT source FROM report.paper_versions WHERE arxiv_id = '2503.00001'"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SharedSamplesFact]
    public async Task A_warehouse_loaded_before_listings_existed_is_migrated_in_place_and_takes_them()
    {
        // A warehouse holding seeds, taken back to the last migration before listings (its down migrations
        // restore the two-format CHECKs), then brought forward in place with its rows.
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.LoadAsync(SharedSamples.Files("seeds"));
        await using (var context = WarehouseMigrator.CreateContext(database.ConnectionString))
        {
            await context.GetService<IMigrator>().MigrateAsync("20261125110000_Reliability");
        }

        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'warehouse' AND tablename = 'source_formats'"));
        Assert.Equal(["20261125120000_SourceFormats"], (await WarehouseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None)).Migrations.Where(m => m.StartsWith("20261125120000", StringComparison.Ordinal)));
        await database.LoadAsync(SharedSamples.Files("listings"));

        string[] files = [.. SharedSamples.Files("seeds"), .. SharedSamples.Files("listings")];
        var reference = new ReferenceWarehouse();
        foreach (var file in files)
        {
            reference.Add(file, File.ReadAllBytes(file));
        }

        var differences = ExpectedDump.Differences(await database.DumpAsync(), [.. reference.Build().Select(ReportJson.Serialize)]);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public async Task The_source_formats_table_is_the_list_in_Etl_Core()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();

        var rows = new List<string>();
        await using (var command = database.DataSource.CreateCommand("SELECT format, precedence, description FROM warehouse.source_formats ORDER BY precedence DESC, format"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add($"{reader.GetString(0)} {reader.GetInt32(1)} {reader.GetString(2)}");
            }
        }

        Assert.Equal(SourceFormats.All.OrderByDescending(f => f.Precedence).ThenBy(f => f.Name, StringComparer.Ordinal).Select(f => $"{f.Name} {f.Precedence} {f.Description}"), rows);
        Assert.Equal(["detailed", "snapshot", "listing", "compact"], SourceFormats.All.OrderByDescending(f => f.Precedence).Select(f => f.Name));
    }

    [Fact]
    public async Task A_format_that_is_not_a_row_is_refused_by_the_warehouse()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => database.ExecuteAsync(
            "INSERT INTO warehouse.digests (sha256, path, bytes, format, entries, rejected_entries, outcome, rules_version) VALUES (sha256('x'), 'x.md', 1, 'tweet', 0, 0, 'loaded', 2)"));

        Assert.Equal("digests_format_fkey", error.ConstraintName);
    }
}
