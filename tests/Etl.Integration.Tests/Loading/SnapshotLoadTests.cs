using System.IO.Compression;
using System.Text;
using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Xunit;

namespace Etl.Integration.Tests.Loading;

/// <summary>
/// The snapshot's records are evidence stored once: reloading a snapshot stores nothing, a refreshed one stores
/// only its new and changed records, and a compressed copy is the same records.
/// </summary>
public sealed class SnapshotLoadTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("etl-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string[] RealLines() =>
        File.ReadAllLines(Path.Combine(SharedSamples.Folder("snapshot/real"), "arxiv-metadata-oai-snapshot.json"));

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    /// <summary>Next week's snapshot: one record revised (a new version, a new title, a later update_date), one paper new, the rest the same lines in another order.</summary>
    private static List<string> Refreshed(string[] lines)
    {
        var refreshed = lines.Reverse().ToList();
        var revised = refreshed.FindIndex(line => line.Contains("\"id\":\"0704.0002\"", StringComparison.Ordinal));
        refreshed[revised] = refreshed[revised]
            .Replace("\"title\":\"Sparsity-certifying Graph Decompositions\"", "\"title\":\"Sparsity-certifying Graph Decompositions, revised\"", StringComparison.Ordinal)
            .Replace("{\"version\":\"v2\",\"created\":\"Sat, 13 Dec 2008 17:26:00 GMT\"}", "{\"version\":\"v2\",\"created\":\"Sat, 13 Dec 2008 17:26:00 GMT\"},{\"version\":\"v3\",\"created\":\"Tue, 5 Jan 2010 10:00:00 GMT\"}", StringComparison.Ordinal)
            .Replace("\"update_date\":\"2008-12-13\"", "\"update_date\":\"2010-01-05\"", StringComparison.Ordinal);
        refreshed.Add(lines[0].Replace("\"id\":\"0704.0002\"", "\"id\":\"1001.00001\"", StringComparison.Ordinal));
        return refreshed;
    }

    [SharedSamplesFact]
    public async Task A_refreshed_snapshot_stores_only_its_new_and_changed_records_and_loading_it_again_stores_nothing()
    {
        var lines = RealLines();
        Assert.Contains(lines, line => line.Contains("\"update_date\":\"2008-12-13\"", StringComparison.Ordinal) && line.Contains("\"id\":\"0704.0002\"", StringComparison.Ordinal));
        var week1 = Write("week1/arxiv-metadata-oai-snapshot.json", lines);
        var week2 = Write("week2/arxiv-metadata-oai-snapshot.json", Refreshed(lines));

        await using var database = await TestCluster.CreateDatabaseAsync();
        var first = await database.LoadAsync([week1]);
        Assert.Equal(new RecordCounts(100, 0, 0), first.Records);

        var outcomes = new List<FileOutcome>();
        var second = await database.LoadAsync([week2], onFile: outcomes.Add);
        Assert.Equal(new RecordCounts(1, 1, 99), second.Records);
        Assert.Equal(2, Assert.Single(outcomes).Entries);
        Assert.Equal(1, second.NewPapers);
        Assert.Equal(3, second.NewVersions);  // the new paper's v1 and v2 (a copy of 0704.0002's record) and the revised paper's v3
        Assert.Equal(102, await database.CountAsync("SELECT count(*) FROM warehouse.evidence"));
        Assert.Equal((3, "Sparsity-certifying Graph Decompositions, revised"), (
            await database.ScalarAsync<int>("SELECT latest_version FROM report.papers WHERE arxiv_id = '0704.0002'"),
            await database.ScalarAsync<string>("SELECT title FROM report.papers WHERE arxiv_id = '0704.0002'")));
        Assert.Equal(
            (1, 1, 99, 2),
            (await database.ScalarAsync<int>("SELECT records_new FROM warehouse.digests WHERE path = '" + week2 + "'"),
             await database.ScalarAsync<int>("SELECT records_changed FROM warehouse.digests WHERE path = '" + week2 + "'"),
             await database.ScalarAsync<int>("SELECT records_unchanged FROM warehouse.digests WHERE path = '" + week2 + "'"),
             await database.ScalarAsync<int>("SELECT entries FROM warehouse.digests WHERE path = '" + week2 + "'")));
        var both = await database.DumpAsync();

        // The same content again (under another name): nothing is parsed or stored.
        var again = await database.LoadAsync([Write("copy/snapshot.json", Refreshed(lines))]);
        Assert.Equal(1, again.FilesAlreadyLoaded);
        Assert.Equal(102, await database.CountAsync("SELECT count(*) FROM warehouse.evidence"));
        Assert.Equal(both, await database.DumpAsync());

        // Order does not matter: the newer snapshot first gives the same warehouse.
        await using var reversed = await TestCluster.CreateDatabaseAsync();
        var newerFirst = await reversed.LoadAsync([week2]);
        await reversed.LoadAsync([week1]);
        Assert.Equal(new RecordCounts(101, 0, 0), newerFirst.Records);
        Assert.Equal(both, await reversed.DumpAsync());
    }

    [SharedSamplesFact]
    public async Task A_refresh_parses_only_the_records_the_warehouse_does_not_hold_so_each_records_repairs_count_once_in_either_order()
    {
        var lines = RealLines()[..10];
        string Garbled(string id) => lines[0]
            .Replace("\"id\":\"0704.0002\"", $"\"id\":\"{id}\"", StringComparison.Ordinal)
            .Replace("\"title\":\"", "\"title\":\"Am\u221a\u00a9lie ", StringComparison.Ordinal);
        const string Bad = "{\"id\":\"1001.00009\",\"versions\":\"none\"}";
        Assert.Contains("\"id\":\"0704.0002\"", lines[0], StringComparison.Ordinal);
        var week1 = Write("week1/arxiv-metadata-oai-snapshot.json", [.. lines, Garbled("1001.00001")]);
        var week2 = Write("week2/arxiv-metadata-oai-snapshot.json", [.. lines, Garbled("1001.00001"), Bad, Garbled("1001.00002"), Bad]);

        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.LoadAsync([week1]);
        var second = await database.LoadAsync([week2]);

        // The eleven held lines are not parsed again: only the new record's repair counts; the bad line is rejected at both of its lines.
        Assert.Equal(new RecordCounts(1, 0, 11), second.Records);
        Assert.Equal(
            (1, 1, 2),
            (await database.ScalarAsync<int>($"SELECT entries FROM warehouse.digests WHERE path = '{week2}'"),
             await database.ScalarAsync<int>($"SELECT mojibake_repairs FROM warehouse.digests WHERE path = '{week2}'"),
             await database.ScalarAsync<int>($"SELECT rejected_entries FROM warehouse.digests WHERE path = '{week2}'")));
        Assert.Equal("Amélie", (await database.ScalarAsync<string>("SELECT title FROM report.papers WHERE arxiv_id = '1001.00002'"))[..6]);

        // The newer snapshot first parses every line: the same warehouse, and each record's repair counted once.
        const string Quality = "SELECT string_agg(q::text, ' | ' ORDER BY q::text) FROM report.data_quality q";
        await using var reversed = await TestCluster.CreateDatabaseAsync();
        await reversed.LoadAsync([week2]);
        await reversed.LoadAsync([week1]);
        Assert.Equal(await database.DumpAsync(), await reversed.DumpAsync());
        Assert.Equal(await database.ScalarAsync<string>(Quality), await reversed.ScalarAsync<string>(Quality));
        Assert.Equal(2, await reversed.ScalarAsync<long>("SELECT value FROM report.data_quality WHERE metric = 'mojibake_repairs'"));
    }

    [SharedSamplesFact]
    public async Task Reparsing_a_snapshot_whose_file_is_gone_derives_its_records_again_from_the_snapshots_that_hold_the_same_lines()
    {
        var lines = RealLines();
        var week1 = Write("week1/arxiv-metadata-oai-snapshot.json", lines);
        var week2 = Write("week2/arxiv-metadata-oai-snapshot.json", Refreshed(lines));
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.LoadAsync([week1]);
        await database.LoadAsync([week2]);
        var expected = await database.DumpAsync();

        // Evidence parsed by older rules (marked, and its titles changed so a reparse shows), and week 1's file gone.
        await database.ExecuteAsync("UPDATE warehouse.digests SET rules_version = 1; UPDATE warehouse.evidence SET title = 'stale ' || title");
        File.Delete(week1);

        var summary = await new WarehouseReparse(database.DataSource, database.Retry).RunAsync([], everything: false);

        // Week 2 holds 99 of week 1's 100 lines: those records are derived again; the revised paper's old record is in no file.
        var gone = Assert.Single(summary.Missing);
        Assert.Equal(week1, gone.Path);
        Assert.Equal(1, summary.RecordsNotFound[gone.DigestId]);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM warehouse.evidence WHERE title LIKE 'stale %'"));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM warehouse.digests WHERE rules_version = 1"));
        Assert.Equal(102, await database.CountAsync("SELECT count(*) FROM warehouse.evidence"));
        Assert.Equal(100, await database.CountAsync($"SELECT count(*) FROM warehouse.evidence e JOIN warehouse.digests d USING (digest_id) WHERE d.path = '{week1}'"));

        // Everything is as loaded, but for the text of the one version only the lost record gave (kept as it was stored).
        var actual = await database.DumpAsync();
        Assert.Equal(
            expected.Where(paper => !paper.Contains("\"arxiv_id\":\"0704.0002\"", StringComparison.Ordinal)),
            actual.Where(paper => !paper.Contains("\"arxiv_id\":\"0704.0002\"", StringComparison.Ordinal)));
        Assert.Equal("stale Sparsity-certifying Graph Decompositions", await database.ScalarAsync<string>("SELECT title FROM report.paper_versions WHERE arxiv_id = '0704.0002' AND version = 2"));
    }

    [SharedSamplesFact]
    public async Task A_gzip_or_zip_snapshot_loads_its_records_and_they_are_the_same_records_as_the_plain_files()
    {
        var plain = Path.Combine(SharedSamples.Folder("snapshot/real"), "arxiv-metadata-oai-snapshot.json");
        var content = await File.ReadAllBytesAsync(plain);
        var gzip = Path.Combine(_folder, "arxiv-metadata-oai-snapshot.json.gz");
        await using (var file = File.Create(gzip))
        await using (var writer = new GZipStream(file, CompressionLevel.Fastest))
        {
            await writer.WriteAsync(content);
        }

        var zip = Path.Combine(_folder, "arxiv.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(plain, "arxiv-metadata-oai-snapshot.json");
        }

        await using var expected = await TestCluster.CreateDatabaseAsync();
        await expected.LoadAsync([plain]);

        await using var database = await TestCluster.CreateDatabaseAsync();
        var fromZip = await database.LoadAsync([zip], new LoaderOptions { StreamAboveBytes = 1024 });
        Assert.Equal(new RecordCounts(100, 0, 0), fromZip.Records);
        Assert.Equal(await expected.DumpAsync(), await database.DumpAsync());
        Assert.Equal("snapshot", await database.ScalarAsync<string>($"SELECT format FROM warehouse.digests WHERE path = '{zip}'"));

        var fromGzip = await database.LoadAsync([gzip]);
        Assert.Equal(new RecordCounts(0, 0, 100), fromGzip.Records);
        Assert.Equal(100, await database.CountAsync("SELECT count(*) FROM warehouse.evidence"));
    }

    [Fact]
    public async Task A_json_file_that_is_not_a_snapshot_is_rejected_whole_with_its_reason()
    {
        var path = Path.Combine(_folder, "settings.json");
        await File.WriteAllTextAsync(path, "{\n  \"setting\": true\n}\n", Encoding.UTF8);

        await using var database = await TestCluster.CreateDatabaseAsync();
        var outcomes = new List<FileOutcome>();
        await database.LoadAsync([path], onFile: outcomes.Add);

        var outcome = Assert.Single(outcomes);
        Assert.Equal(FileOutcomeKind.Rejected, outcome.Kind);
        Assert.StartsWith("line 1: not a snapshot:", outcome.Reason, StringComparison.Ordinal);
    }
}
