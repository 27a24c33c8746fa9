using Etl.Core.Generation;
using Etl.Core.Parsing;
using Etl.Data.Discovery;
using Etl.Data.Loading;
using Etl.Data.Resilience;
using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Loading;

/// <summary><c>etl reparse</c> brings evidence parsed by older rules to what a fresh load gives today.</summary>
public sealed class ReparseTests : IDisposable
{
    private readonly string _corpus = Directory.CreateTempSubdirectory("etl-reparse-").FullName;
    private readonly string _archive = Directory.CreateTempSubdirectory("etl-reparse-archive-").FullName;

    [Fact]
    public async Task Reparsing_stale_evidence_gives_exactly_a_fresh_load()
    {
        CorpusWriter.Write(_corpus, new GeneratorOptions { Papers = 60, Seed = 21, IncludeBadEntries = true });
        var files = Files(_corpus);
        await using var fresh = await TestCluster.CreateDatabaseAsync();
        await fresh.LoadAsync(files);
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.LoadAsync(files);

        // What an older product would have left: evidence parsed by other rules, derived tables built from it.
        await database.ExecuteAsync("""
            UPDATE warehouse.digests SET rules_version = 1;
            UPDATE warehouse.evidence SET title = 'stale ' || title, authors = authors || ':'::text, author_keys = author_keys || ''::text
            WHERE format = 'detailed';
            DELETE FROM warehouse.evidence WHERE (digest_id, line) IN (SELECT digest_id, min(line) FROM warehouse.evidence GROUP BY digest_id LIMIT 3);
            DELETE FROM warehouse.rejections;
            """);
        await WarehouseRebuild.RunAsync(database.DataSource, TransientRetry.Create(maxAttempts: 1));
        Assert.NotEqual(await fresh.DumpAsync(), await database.DumpAsync());

        // One file was moved to an archive folder since: it is found there by its sha256.
        var moved = files[^1];
        File.Move(moved, Path.Combine(_archive, "renamed.md"));

        var summary = await new WarehouseReparse(database.DataSource, TransientRetry.Create(maxAttempts: 1), new LoaderOptions { BatchBytes = 20_000 })
            .RunAsync([_archive], everything: false);

        Assert.Equal(files.Count, summary.Stale);
        Assert.Equal(files.Count, summary.Reparsed);
        Assert.Empty(summary.Missing);
        Assert.Equal(await fresh.DumpAsync(), await database.DumpAsync());
        foreach (var table in new[] { "evidence", "rejections", "author_variants", "compact_versions" })
        {
            Assert.Equal(await fresh.CountAsync($"SELECT count(*) FROM warehouse.{table}"), await database.CountAsync($"SELECT count(*) FROM warehouse.{table}"));
        }

        Assert.Equal(0, await database.CountAsync($"SELECT count(*) FROM warehouse.digests WHERE rules_version <> {ParsingRules.Version}"));
        Assert.Equal(
            await fresh.CountAsync("SELECT sum(entries) * 1000 + sum(rejected_entries) FROM warehouse.digests"),
            await database.CountAsync("SELECT sum(entries) * 1000 + sum(rejected_entries) FROM warehouse.digests"));
    }

    [Fact]
    public async Task Files_that_cannot_be_found_are_listed_and_keep_their_evidence()
    {
        CorpusWriter.Write(_corpus, new GeneratorOptions { Papers = 20, Seed = 5 });
        var files = Files(_corpus);
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.LoadAsync(files);
        await database.ExecuteAsync("UPDATE warehouse.digests SET rules_version = 1; UPDATE warehouse.evidence SET comment = 'kept'");
        var gone = files[0];
        File.Delete(gone);
        File.WriteAllText(files[1], File.ReadAllText(files[1]) + "\n"); // changed content: not the stored one either

        var summary = await new WarehouseReparse(database.DataSource, TransientRetry.Create(maxAttempts: 1)).RunAsync([_archive], everything: false);

        Assert.Equal([gone, files[1]], summary.Missing.Select(content => content.Path).Order(StringComparer.Ordinal));
        Assert.Equal(files.Count - 2, summary.Reparsed);
        Assert.Equal(2, await database.CountAsync("SELECT count(*) FROM warehouse.digests WHERE rules_version = 1"));
        Assert.Equal(
            await database.CountAsync("SELECT sum(entries) FROM warehouse.digests WHERE rules_version = 1"),
            await database.CountAsync("SELECT count(*) FROM warehouse.evidence WHERE comment = 'kept'"));
    }

    [Fact]
    public async Task Ingest_says_when_files_were_parsed_by_older_rules_and_reparse_clears_it()
    {
        CorpusWriter.Write(_corpus, new GeneratorOptions { Papers = 10, Seed = 8 });
        await using var database = await TestCluster.CreateDatabaseAsync();
        string[] ingest = ["ingest", _corpus, "--connection", database.ConnectionString];
        var (exit, output) = await EtlProcess.RunAsync(ingest);
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("etl reparse", output, StringComparison.Ordinal);

        await database.ExecuteAsync("UPDATE warehouse.digests SET rules_version = 1");
        (exit, output) = await EtlProcess.RunAsync(ingest);
        Assert.True(exit == 0, output);
        Assert.Contains("were parsed by older parsing rules (version 1", output, StringComparison.Ordinal);
        Assert.Contains("Run `etl reparse`", output, StringComparison.Ordinal);

        (exit, output) = await EtlProcess.RunAsync(["reparse", "--connection", database.ConnectionString]);
        Assert.True(exit == 0, output);
        Assert.Contains("Reparsed ", output, StringComparison.Ordinal);
        (exit, output) = await EtlProcess.RunAsync(ingest);
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("etl reparse", output, StringComparison.Ordinal);
    }

    private static List<string> Files(string folder) => [.. DigestFileFinder.Find([folder]).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        Directory.Delete(_corpus, recursive: true);
        Directory.Delete(_archive, recursive: true);
    }
}
