using System.Text;
using Etl.Data.Discovery;
using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Loading;

/// <summary>Files that cannot be read, go away or change mid-load, odd paths and hostile text: each gets a clear answer and the other files load.</summary>
public sealed class BadFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("etl-bad-files-").FullName;

    private static string Sample(string name) => Path.Combine(SharedSamples.RepositoryRoot, "samples", name);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_file_without_read_permission_is_named_and_skipped_and_the_others_load()
    {
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        File.Copy(Sample("compact/cs.CV/2020-01-07.md"), Path.Combine(_folder, "readable.md"));
        var locked = Path.Combine(_folder, "locked.md");
        File.Copy(Sample("compact/cs.LG/2020-01-08.md"), locked);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        await using var database = await TestCluster.CreateDatabaseAsync();

        // Root reads every file, so as root the CLI runs as nobody, with the password spelled out (nobody cannot read the secret file).
        var isRoot = Environment.UserName == "root";
        var (exit, output) = await EtlProcess.RunAsync(["ingest", _folder, "--connection", isRoot ? WithPassword(database.ConnectionString) : database.ConnectionString], runAs: isRoot ? "nobody" : null);

        Assert.True(exit == 2, output);
        Assert.Contains($"not loaded      {locked}: cannot read it (Access to the path '{locked}' is denied.)", output, StringComparison.Ordinal);
        Assert.Contains("2 files (1 loaded, 0 already loaded, 1 rejected)", output, StringComparison.Ordinal);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM warehouse.digests"));
    }

    [Fact]
    public async Task A_file_deleted_or_changed_after_discovery_is_skipped_with_the_reason_and_the_others_load()
    {
        var first = Path.Combine(_folder, "a.md");
        var deleted = Path.Combine(_folder, "b.md");
        var changed = Path.Combine(_folder, "c.md");
        File.Copy(Sample("detailed/cs.CV/2020-01-06.md"), first);
        File.Copy(Sample("detailed/cs.CV/2020-01-08.md"), changed);
        var paths = DigestFileFinder.Find([_folder]);
        await using var database = await TestCluster.CreateDatabaseAsync();
        var outcomes = new List<FileOutcome>();

        // One file per batch: once the first batch commits, the last file is rewritten before its batch reads it.
        await database.LoadAsync([.. paths, deleted], new LoaderOptions { BatchFiles = 1 }, outcome =>
        {
            outcomes.Add(outcome);
            if (outcome.Path == first)
            {
                File.AppendAllText(changed, "\nappended while loading\n");
            }
        });

        Assert.Equal(FileOutcomeKind.Loaded, outcomes.Single(outcome => outcome.Path == first).Kind);
        var gone = outcomes.Single(outcome => outcome.Path == deleted);
        Assert.Equal(FileOutcomeKind.Unreadable, gone.Kind);
        Assert.StartsWith("cannot read it (Could not find file", gone.Reason, StringComparison.Ordinal);
        var moving = outcomes.Single(outcome => outcome.Path == changed);
        Assert.Equal(FileOutcomeKind.Unreadable, moving.Kind);
        Assert.StartsWith("it changed after it was hashed", moving.Reason, StringComparison.Ordinal);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM warehouse.digests"));

        // Once the file is complete, a rerun loads it.
        await database.LoadAsync(DigestFileFinder.Find([_folder]));
        Assert.Equal(2, await database.CountAsync("SELECT count(*) FROM warehouse.digests"));
    }

    [Fact]
    public void A_symlink_loop_in_a_tree_is_not_followed()
    {
        var inner = Directory.CreateDirectory(Path.Combine(_folder, "inner")).FullName;
        File.Copy(Sample("compact/cs.CV/2020-01-07.md"), Path.Combine(inner, "digest.md"));
        File.CreateSymbolicLink(Path.Combine(inner, "up"), _folder);
        File.CreateSymbolicLink(Path.Combine(_folder, "linked.md"), Path.Combine(inner, "digest.md"));

        var found = DigestFileFinder.Find([_folder]);

        Assert.Equal([Path.Combine(inner, "digest.md"), Path.Combine(_folder, "linked.md")], found);
    }

    [Fact]
    public async Task Paths_with_spaces_and_non_ascii_characters_load_and_are_stored_as_they_are()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "my digests", "Zürich 日本")).FullName;
        var path = Path.Combine(folder, "cs CV 'quoted' é.md");
        File.Copy(Sample("compact/cs.CV/2020-01-07.md"), path);
        await using var database = await TestCluster.CreateDatabaseAsync();

        var (exit, output) = await EtlProcess.RunAsync(["ingest", _folder, "--connection", database.ConnectionString]);

        Assert.True(exit == 0, output);
        Assert.Contains($"loaded          {path} (", output, StringComparison.Ordinal);
        Assert.Equal(path, await database.ScalarAsync<string>("SELECT path FROM warehouse.digests"));
    }

    [Fact]
    public async Task Sql_looking_text_is_stored_verbatim()
    {
        const string Title = "'); drop table papers; -- \"; DELETE FROM warehouse.evidence; $$";
        const string Author = "Robert'); DROP TABLE authors;--";
        File.WriteAllText(Path.Combine(_folder, "sql.md"), $"""
            # Arxiv Papers in cs.CV on 2020-09-30

            ### {Title}
            - **Arxiv ID**: http://arxiv.org/abs/2009.14721v1
            - **Published**: 2020-09-29 10:00:00+00:00
            - **Updated**: 2020-09-29 10:00:00+00:00
            - **Authors**: {Author}, Ada Lovelace
            - **Summary**: {Title}

            """);
        await using var database = await TestCluster.CreateDatabaseAsync();

        await database.LoadAsync(DigestFileFinder.Find([_folder]));

        Assert.Equal(Title, await database.ScalarAsync<string>("SELECT title FROM report.papers"));
        Assert.Equal(Title, await database.ScalarAsync<string>("SELECT abstract FROM report.papers"));
        Assert.Equal([Author, "Ada Lovelace"], await database.ScalarAsync<string[]>("SELECT authors FROM report.papers"));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM warehouse.evidence"));
    }

    [Fact]
    public async Task A_large_file_of_binary_data_is_rejected_by_the_streamed_check_and_the_reason_is_stored()
    {
        var huge = Path.Combine(_folder, "huge.md");
        using (var stream = File.Create(huge))
        {
            stream.Write(Encoding.UTF8.GetBytes("# Arxiv Papers in cs.CV on 2020-09-30\n"));
            stream.SetLength(DigestReader.StreamAboveBytes + 1); // sparse: NUL bytes, no disk
        }

        File.Copy(Sample("compact/cs.CV/2020-01-07.md"), Path.Combine(_folder, "small.md"));
        await using var database = await TestCluster.CreateDatabaseAsync();

        var summary = await database.LoadAsync(DigestFileFinder.Find([_folder]));

        Assert.Equal(1, summary.FilesLoaded);
        Assert.Equal(1, summary.FilesRejected);
        Assert.Equal("line 2: not a digest: the file holds binary data (a NUL byte); a digest is UTF-8 text", await database.ScalarAsync<string>("SELECT reason FROM warehouse.rejections"));
    }

    [Fact]
    public async Task A_valid_file_larger_than_the_streaming_threshold_is_streamed_into_the_warehouse_like_the_whole_file_parse()
    {
        var large = Path.Combine(_folder, "large.md");
        WriteLargeDigest(large, DigestReader.StreamAboveBytes + (1 << 20), rejectEvery: 1000);
        var whole = Etl.Core.Model.SourceFormats.Parse(large, File.ReadAllBytes(large));
        Assert.True(new FileInfo(large).Length > DigestReader.StreamAboveBytes);
        await using var database = await TestCluster.CreateDatabaseAsync();

        var summary = await database.LoadAsync(DigestFileFinder.Find([large]));

        Assert.Equal(1, summary.FilesLoaded);
        Assert.Equal(whole.Entries.Count, await database.CountAsync("SELECT count(*) FROM warehouse.evidence"));
        Assert.Equal(whole.Entries.Count, await database.CountAsync("SELECT entries FROM warehouse.digests"));
        Assert.Equal(whole.Entries.Count, await database.CountAsync("SELECT count(*) FROM report.papers"));
        Assert.Equal(
            string.Join('\n', whole.Rejections.Select(rejection => $"{rejection.Line}: {rejection.Reason}")),
            await database.ScalarAsync<string>("SELECT string_agg(line || ': ' || reason, E'\\n' ORDER BY line) FROM warehouse.rejections"));
        Assert.NotEmpty(whole.Rejections);
    }

    [Fact]
    public async Task A_streamed_file_that_changes_while_it_is_loading_is_skipped_alone_and_the_others_load()
    {
        var small = Path.Combine(_folder, "small.md");
        File.Copy(Sample("detailed/cs.CV/2020-01-06.md"), small);
        var large = Path.Combine(_folder, "large.md");
        WriteLargeDigest(large, 32 << 20, rejectEvery: 0);
        var held = File.ReadLines(large).Select((text, index) => (text, line: index + 1)).First(row => row.text.StartsWith("### Paper 500 ", StringComparison.Ordinal)).line;
        await using var database = await TestCluster.CreateDatabaseAsync();

        // Deterministic "mid-load": an open transaction holds the key (digest, line) of an entry near the start
        // of the large file (about 1 MB in), for each digest id the load may give it, so its COPY waits there.
        // The reader can only be a text piece, a read buffer and the socket's buffers ahead of the COPY (some
        // 10 MB), far from the end of the 32 MB file, which is changed meanwhile; then the blocker rolls back.
        await using var blocker = await database.DataSource.OpenConnectionAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var block = new NpgsqlCommand(
            "INSERT INTO warehouse.evidence (digest_id, line, arxiv_id, format, version, authors, author_keys, categories) " +
            "SELECT d, $1, 'blocker', 'detailed', 1, '{}', '{}', '{}' FROM generate_series(1, 8) AS d", blocker, hold))
        {
            block.Parameters.AddWithValue(held);
            await block.ExecuteNonQueryAsync();
        }

        var outcomes = new List<FileOutcome>();
        var load = database.LoadAsync(DigestFileFinder.Find([_folder]), new LoaderOptions { StreamAboveBytes = 1 << 20 }, outcomes.Add);
        await WaitForTheCopyToWaitAsync(database, load);
        await using (var file = new FileStream(large, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.Seek(-5, SeekOrigin.End); // the last digit of the last entry's number
            file.WriteByte((byte)'x');
        }

        await hold.RollbackAsync();
        var summary = await load;

        var changed = Assert.Single(outcomes, outcome => outcome.Path == large);
        Assert.Equal(FileOutcomeKind.Unreadable, changed.Kind);
        Assert.Matches(@"^it changed while it was being loaded, after [0-9,]+ of its entries were read, so nothing of it was loaded \(is it still being written\?\); run the load again once the file is complete$", changed.Reason);
        Assert.Equal(1, summary.FilesLoaded);
        Assert.Equal(1, summary.FilesRejected);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM warehouse.digests"));
        Assert.Equal(small, await database.ScalarAsync<string>("SELECT path FROM warehouse.digests"));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM warehouse.evidence WHERE digest_id <> (SELECT digest_id FROM warehouse.digests)"));

        // Once the file is complete, the next run loads it.
        var again = await database.LoadAsync(DigestFileFinder.Find([_folder]), new LoaderOptions { StreamAboveBytes = 1 << 20 });
        Assert.Equal(1, again.FilesLoaded);
        Assert.Equal(1, again.FilesAlreadyLoaded);
    }

    /// <summary>Waits until the load's COPY of evidence waits for a lock (or the load ends, which fails the test).</summary>
    private static async Task WaitForTheCopyToWaitAsync(TestDatabase database, Task load)
    {
        await using var waiting = database.DataSource.CreateCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'COPY warehouse.evidence%'");
        while (Convert.ToInt64(await waiting.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            Assert.False(load.IsCompleted, "the load ended before its COPY reached the held entry");
            await Task.Delay(10);
        }
    }

    /// <summary>A valid detailed digest of at least <paramref name="minBytes"/>, CRLF, with non-ASCII text; every <paramref name="rejectEvery"/>th entry has version 0.</summary>
    private static void WriteLargeDigest(string path, long minBytes, int rejectEvery)
    {
        var summaryText = new string('s', 1500);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true };
        writer.Write("# Arxiv Papers in cs.CV on 2020-09-30\r\n\r\n");
        for (var n = 1; writer.BaseStream.Length <= minBytes; n++)
        {
            var version = rejectEvery > 0 && n % rejectEvery == 0 ? 0 : 1; // a rejected entry now and then: its line must be the whole file's line
            writer.Write($"### Paper {n} \u00e9\r\n- **Arxiv ID**: http://arxiv.org/abs/2001.{n:D5}v{version}\r\n- **DOI**: None\r\n- **Categories**: cs.CV\r\n");
            writer.Write($"- **Published**: 2020-01-01 10:00:00+00:00\r\n- **Updated**: 2020-01-01 10:00:00+00:00\r\n- **Authors**: Ada Lovelace, Author {n % 300}\r\n");
            writer.Write($"- **Comment**: None\r\n- **Journal**: None\r\n- **Summary**: {summaryText} {n}\r\n\r\n");
        }
    }

    private static string WithPassword(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Passfile is { } passFile)
        {
            builder.Password = File.ReadAllText(passFile).Trim().Split(':')[^1];
            builder.Passfile = null;
        }

        return builder.ConnectionString;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
