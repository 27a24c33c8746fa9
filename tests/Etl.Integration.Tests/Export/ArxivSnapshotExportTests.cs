using System.IO.Compression;
using System.Text.Json;
using Etl.Core.Generation;
using Etl.Data.Export;
using Etl.Data.Export.ArxivSnapshot;
using Etl.Integration.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Etl.Integration.Tests.Export;

/// <summary>
/// <c>etl export --format arxiv-snapshot</c>: the warehouse as arXiv's own snapshot, which the warehouse loads back
/// to the same papers wherever the snapshot can say everything (a primary category, a time for every version).
/// </summary>
public sealed class ArxivSnapshotExportTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("etl-arxiv-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // The papers a snapshot record can give back whole: a primary category and a timestamp for each version.
    private const string Complete = """
        SELECT arxiv_id FROM report.papers p
        WHERE primary_category IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM report.paper_versions v WHERE v.arxiv_id = p.arxiv_id AND v.submitted_at IS NULL)
        """;

    [Fact]
    public async Task Exporting_and_loading_the_export_into_an_empty_warehouse_gives_the_same_papers_versions_and_timestamps()
    {
        var files = GeneratedCorpus.Write(Path.Combine(_folder, "corpus"), new GeneratorOptions { Papers = 200, Seed = 11, IncludeBadEntries = true, Snapshots = true });
        await using var source = await TestCluster.CreateDatabaseAsync();
        await source.LoadAsync(files);
        Assert.True(await source.CountAsync("SELECT count(DISTINCT format) FROM warehouse.evidence") == 4, "the corpus must hold all four formats");

        var path = Path.Combine(_folder, "export", "arxiv-metadata-oai-snapshot.json.gz");  // the folder is created
        var written = Assert.Single(await new ArxivSnapshotExport().WriteAsync(source.DataSource, new ExportRequest(path), CancellationToken.None));
        var papers = await source.CountAsync("SELECT count(*) FROM report.papers");
        Assert.Equal(papers, written.Rows);
        var records = ReadRecords(path);
        Assert.Equal(papers, records.Count);
        Assert.All(records, record => Assert.Equal(
            ["id", "submitter", "authors", "title", "comments", "journal-ref", "doi", "report-no", "categories", "license", "abstract", "versions", "update_date", "authors_parsed"],
            record.EnumerateObject().Select(property => property.Name)));

        await using var target = await TestCluster.CreateDatabaseAsync();
        var loaded = await target.LoadAsync([path]);
        Assert.Equal(0, loaded.RejectedEntries);

        var complete = await ColumnAsync(source, Complete);
        var leftOut = await ColumnAsync(source, $"SELECT arxiv_id FROM report.papers EXCEPT {Complete} ORDER BY 1");
        output.WriteLine($"{complete.Count} papers round-trip; {leftOut.Count} are left out by the rule (no primary category, or a version without a time): {string.Join(", ", leftOut)}");
        Assert.True(complete.Count > papers / 2, "most papers should round-trip");
        Assert.NotEmpty(leftOut);

        var ids = string.Join(", ", complete.Select(id => $"'{id}'"));
        var papersSql = $"SELECT * FROM report.papers WHERE arxiv_id IN ({ids}) ORDER BY arxiv_id";
        var versionsSql = $"SELECT arxiv_id, version, submitted_at FROM report.paper_versions WHERE arxiv_id IN ({ids}) ORDER BY arxiv_id, version";
        Assert.Equal(await RowsAsync(source, papersSql), await RowsAsync(target, papersSql));
        Assert.Equal(await RowsAsync(source, versionsSql), await RowsAsync(target, versionsSql));
    }

    [Fact]
    public async Task A_record_whose_names_display_as_the_papers_authors_gives_back_its_own_authors_parsed_and_fields()
    {
        var snapshot = Path.Combine(_folder, "arxiv-metadata-oai-snapshot.json");
        await File.WriteAllTextAsync(snapshot, """
            {"id":"0704.0046","submitter":"Fabio Cecconi","authors":"P. Balázs","title":"A limit relation","comments":null,"journal-ref":null,"doi":null,"report-no":"ITP-07-01","categories":"quant-ph cs.IT","license":"http://arxiv.org/licenses/nonexclusive-distrib/1.0/","abstract":"An abstract.","versions":[{"version":"v1","created":"Sat, 31 Mar 2007 16:55:14 GMT"}],"update_date":"2009-11-13","authors_parsed":[["Balázs","Péter",""],["Evans","Neal J.","II","Univ. of X"]]}

            """);
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.LoadAsync([snapshot]);

        var path = Path.Combine(_folder, "out.json");
        await new ArxivSnapshotExport().WriteAsync(database.DataSource, new ExportRequest(path), CancellationToken.None);

        var record = Assert.Single(ReadRecords(path));
        Assert.Equal("""[["Balázs","Péter",""],["Evans","Neal J.","II","Univ. of X"]]""", record.GetProperty("authors_parsed").GetRawText());
        Assert.Equal("Péter Balázs, Neal J. Evans II", record.GetProperty("authors").GetString());
        Assert.Equal(("Fabio Cecconi", "ITP-07-01"), (record.GetProperty("submitter").GetString(), record.GetProperty("report-no").GetString()));
        Assert.Equal("quant-ph cs.IT", record.GetProperty("categories").GetString());
        Assert.Equal("""[{"version":"v1","created":"Sat, 31 Mar 2007 16:55:14 GMT"}]""", record.GetProperty("versions").GetRawText());
        Assert.Equal("2009-11-13", record.GetProperty("update_date").GetString());
    }

    [Fact]
    public async Task Standard_output_carries_the_records_alone_and_the_commands_own_lines_go_to_standard_error()
    {
        // A database the command migrates first: its "Applied migration" lines must not land among the records.
        await using var database = await TestCluster.CreateDatabaseAsync(migrated: false);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "etl.dll"), "export", "--format", "arxiv-snapshot", "--connection", database.ConnectionString })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("ConnectionStrings__Warehouse");
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Equal(string.Empty, await stdout);  // an empty warehouse: no record, and nothing else
        Assert.Contains("Applied migration", await stderr, StringComparison.Ordinal);
        Assert.Contains("Wrote (standard output): 0 rows", await stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_format_takes_a_file_and_no_view()
    {
        var export = new ArxivSnapshotExport();
        Assert.Null(export.Problem(new ExportRequest(null)));
        Assert.Contains("--view", export.Problem(new ExportRequest("x.json", View: "papers")), StringComparison.Ordinal);
        Assert.Contains("is a folder", export.Problem(new ExportRequest(_folder)), StringComparison.Ordinal);
    }

    private static List<JsonElement> ReadRecords(string path)
    {
        using var file = File.OpenRead(path);
        using Stream text = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(text);
        var records = new List<JsonElement>();
        while (reader.ReadLine() is { } line)
        {
            records.Add(JsonDocument.Parse(line).RootElement.Clone());
        }

        return records;
    }

    private static async Task<List<string>> ColumnAsync(TestDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<List<string>> RowsAsync(TestDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT to_jsonb(r)::text FROM ({sql}) r");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
