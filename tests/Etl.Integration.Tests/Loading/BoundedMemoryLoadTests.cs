using Etl.Core.Generation;
using Etl.Data.Discovery;
using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Loading;

/// <summary>
/// The paths that keep a load's memory bounded whatever the size of one file (streamed files whose touched
/// papers and spellings are read back from their evidence, reconciliation one key range at a time) give
/// exactly the warehouse the ordinary paths give: every derived table and report, not only the contract
/// views (those are also checked against the reference by <see cref="LoadOrderPropertyTests"/>).
/// </summary>
public sealed class BoundedMemoryLoadTests : IDisposable
{
    private static readonly string[] Tables =
    [
        "SELECT author_key, spelling, entries FROM warehouse.author_variants ORDER BY 1, 2",
        "SELECT author_key, display_name FROM warehouse.authors ORDER BY 1",
        "SELECT d.path, r.line, r.reason FROM warehouse.rejections r JOIN warehouse.digests d USING (digest_id) ORDER BY 1, 2",
        "SELECT path, entries, rejected_entries, outcome FROM warehouse.digests ORDER BY 1",
        "SELECT d.path, c.line, c.arxiv_id, c.version FROM warehouse.compact_versions c JOIN warehouse.digests d USING (digest_id) ORDER BY 1, 2",
        "SELECT arxiv_id, position, author_key FROM warehouse.paper_authors ORDER BY 1, 2",
        "SELECT r::text FROM report.papers r ORDER BY 1",
        "SELECT r::text FROM report.authors r ORDER BY 1",
        "SELECT r::text FROM report.data_quality r ORDER BY 1",
        "SELECT r::text FROM report.revisions r ORDER BY 1",
    ];

    private readonly string _corpus = Directory.CreateTempSubdirectory("etl-bounded-").FullName;

    [Fact]
    public async Task Streaming_every_file_and_reconciling_in_small_ranges_gives_the_same_warehouse()
    {
        CorpusWriter.Write(_corpus, new GeneratorOptions { Papers = 400, Seed = 23, IncludeBadEntries = true });
        var files = DigestFileFinder.Find([_corpus]);
        await using var ordinary = await TestCluster.CreateDatabaseAsync();
        await ordinary.LoadAsync(files, new LoaderOptions { BatchFiles = 9 });
        await using var bounded = await TestCluster.CreateDatabaseAsync();
        await bounded.LoadAsync(files, new LoaderOptions { BatchFiles = 9, StreamAboveBytes = 0, ReconcileKeys = 5 });

        Assert.Equal(await ordinary.DumpAsync(), await bounded.DumpAsync());
        foreach (var sql in Tables)
        {
            var expected = await RowsAsync(ordinary, sql);
            Assert.NotEmpty(expected);
            Assert.True(expected.SequenceEqual(await RowsAsync(bounded, sql)), $"differs: {sql}");
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(7, 1)]
    [InlineData(7, 2)]
    [InlineData(7, 3)]
    [InlineData(7, 7)]
    [InlineData(7, 50)]
    public async Task Key_ranges_cover_every_key_once_in_order(int keys, int size)
    {
        await using var database = await TestCluster.CreateDatabaseAsync(migrated: false);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        // The empty string sorts first and must not be mistaken for "no lower bound"; non-ASCII keys sort by bytes.
        string[] all = ["", "0704.0001", "2001.00001", "math/0501001", "zzz", "é", "日本"];
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE touched_papers (arxiv_id text PRIMARY KEY)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var insert = new NpgsqlCommand("INSERT INTO touched_papers SELECT unnest($1::text[])", connection))
        {
            insert.Parameters.AddWithValue(all[..keys]);
            await insert.ExecuteNonQueryAsync();
        }

        var seen = new List<string>();
        var ranges = 0;
        await foreach (var (after, last) in KeyRanges.WalkAsync(connection, KeyRanges.TouchedPapers, size, CancellationToken.None))
        {
            ranges++;
            await using var read = new NpgsqlCommand("SELECT arxiv_id FROM touched_papers WHERE ($1::text IS NULL OR arxiv_id > $1) AND arxiv_id <= $2 ORDER BY arxiv_id", connection);
            read.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = after, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            read.Parameters.AddWithValue(last);
            await using var reader = await read.ExecuteReaderAsync();
            var range = new List<string>();
            while (await reader.ReadAsync())
            {
                range.Add(reader.GetString(0));
            }

            Assert.InRange(range.Count, 1, size);
            Assert.Equal(last, range[^1]);
            seen.AddRange(range);
        }

        Assert.Equal(all[..keys].Order(StringComparer.Ordinal), seen);
        Assert.Equal((keys + size - 1) / size, ranges);
    }

    private static async Task<List<string>> RowsAsync(TestDatabase database, string sql)
    {
        var rows = new List<string>();
        await using var command = database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('\t', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
