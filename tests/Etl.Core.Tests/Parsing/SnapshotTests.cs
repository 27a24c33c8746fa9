using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Etl.Core.Model;
using Etl.Core.Parsing;
using Xunit;

namespace Etl.Core.Tests.Parsing;

/// <summary>arXiv's metadata snapshot: recognition, every record rule and every rejection reason.</summary>
public sealed class SnapshotTests
{
    private const string Good = """{"id":"0704.0046","submitter":"Fabio Cecconi","authors":"P. Balázs and F. Cecconi","title":"A limit relation for entropy and channel capacity per unit\n  cost","comments":"LaTeX, 19 pages","journal-ref":"J. Math. Phys. 48 (2007) 092102","doi":"10.1063/1.2779138","report-no":"ITP-07-01","categories":"quant-ph cs.IT math.IT 68T45","license":null,"abstract":"  In a quantum Markov chain, the temporal succession of states is modeled by\nthe repeated action of a \"bistochastic quantum operation\".\n","versions":[{"version":"v1","created":"Sat, 31 Mar 2007 16:55:14 GMT"},{"version":"v2","created":null},{"version":"v3","created":"Mon, 2 Apr 2007 19:18:42 GMT"}],"update_date":"2009-11-13","authors_parsed":[["Balázs","Péter",""],["Evans","Neal J.","II","Univ. of X"],["",":",""]]}""";

    private static ParsedDigest Parse(string text, string name = "arxiv-metadata-oai-snapshot.json") =>
        SourceFormats.Parse(name, Encoding.UTF8.GetBytes(text));

    private static DigestEntry Single(string line)
    {
        var snapshot = Parse(line + "\n");
        Assert.Null(snapshot.FileRejection);
        Assert.Empty(snapshot.Rejections);
        return Assert.Single(snapshot.Entries);
    }

    private static string Rejection(string line)
    {
        var snapshot = Parse(Good + "\n" + line + "\n" + Good.Replace("0704.0046", "0704.0047", StringComparison.Ordinal));
        Assert.Null(snapshot.FileRejection);
        Assert.Equal(2, snapshot.Entries.Count);
        var rejection = Assert.Single(snapshot.Rejections);
        Assert.Equal(2, rejection.Line);
        return rejection.Reason;
    }

    [Fact]
    public void A_record_gives_every_listed_version_the_text_of_its_highest_and_the_fields_the_contract_names()
    {
        var entry = Single(Good);

        Assert.Equal(DigestFormat.Snapshot, entry.Format);
        Assert.Equal("0704.0046", entry.ArxivId);
        Assert.Equal(3, entry.Version);
        Assert.Equal("A limit relation for entropy and channel capacity per unit cost", entry.Title);
        Assert.Equal("In a quantum Markov chain, the temporal succession of states is modeled by the repeated action of a \"bistochastic quantum operation\".", entry.Abstract);
        Assert.Equal(["Péter Balázs", "Neal J. Evans II"], entry.Authors);
        Assert.Equal(["quant-ph", "cs.IT", "math.IT"], entry.Categories);
        Assert.Equal("quant-ph", entry.PrimaryCategory);
        Assert.Equal(("10.1063/1.2779138", "J. Math. Phys. 48 (2007) 092102", "LaTeX, 19 pages"), (entry.Doi, entry.JournalRef, entry.Comment));
        var record = entry.Record!;
        Assert.Equal(new DateOnly(2009, 11, 13), record.UpdateDate);
        Assert.Equal(
            [new VersionTime(1, new DateTime(2007, 3, 31, 16, 55, 14, DateTimeKind.Utc)), new VersionTime(2, null), new VersionTime(3, new DateTime(2007, 4, 2, 19, 18, 42, DateTimeKind.Utc))],
            record.Versions);
        Assert.Equal(("Fabio Cecconi", "ITP-07-01", (string?)null), (record.Submitter, record.ReportNo, record.License));
        Assert.Equal("""[["Balázs","Péter",""],["Evans","Neal J.","II","Univ. of X"],["",":",""]]""", record.AuthorsParsed);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(Good)), record.Sha256);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void A_records_identity_is_its_line_without_the_line_ending_or_a_byte_order_mark(string newline)
    {
        var plain = Convert.ToHexString(Parse(Good + "\n").Entries[0].Record!.Sha256);
        var other = Parse("\uFEFF" + Good + newline + Good.Replace("0704.0046", "0704.0047", StringComparison.Ordinal) + newline);

        Assert.Equal(plain, Convert.ToHexString(other.Entries[0].Record!.Sha256));
        Assert.Equal(2, other.Entries[1].Line);
        Assert.Equal([(1, plain), (4, plain)], SnapshotLinesOf(Encoding.UTF8.GetBytes("\uFEFF" + Good + newline + newline + "  " + newline + Good)));
    }

    private static List<(int, string)> SnapshotLinesOf(byte[] content)
    {
        var lines = new List<(int, string)>();
        SnapshotLines.Hash(new MemoryStream(content), (line, sha) => lines.Add((line, Convert.ToHexString(sha))));
        return lines;
    }

    [Theory]
    [InlineData("""[1, 2]""", "the line is not a JSON object")]
    [InlineData("""{"id":"0704.0046","title":"T","versions":[{"version":"v1","created":null}],"update_date":"2009-11-13" """, "the line is not valid JSON")]
    [InlineData("""{"id":"704.0046","title":"T","versions":[{"version":"v1","created":null}],"update_date":"2009-11-13"}""", "\"id\" '704.0046' is not an arXiv id")]
    [InlineData("""{"id":"0704.0046","title":"T","versions":[{"version":"v1","created":null}]}""", "record 0704.0046 has no \"update_date\"")]
    [InlineData("""{"id":"0704.0046","title":"T","versions":[{"version":"v1","created":null}],"update_date":"2009-02-29"}""", "\"update_date\" must be a calendar date YYYY-MM-DD, not '2009-02-29'")]
    [InlineData("""{"id":"0704.0046","title":"T","update_date":"2009-11-13"}""", "record 0704.0046 lists no versions")]
    [InlineData("""{"id":"0704.0046","title":"T","versions":[],"update_date":"2009-11-13"}""", "record 0704.0046 lists no versions")]
    [InlineData("""{"id":"0704.0046","title":"T","versions":[{"version":"v0","created":null}],"update_date":"2009-11-13"}""", "version 1: \"version\" must be \"vN\" with N ≥ 1, not 'v0'")]
    [InlineData("""{"id":"0704.0046","title":"T","versions":[{"version":"1","created":null}],"update_date":"2009-11-13"}""", "version 1: \"version\" must be \"vN\"")]
    [InlineData("""{"id":"0704.0046","title":"T","versions":[{"created":null}],"update_date":"2009-11-13"}""", "version 1 has no \"version\"")]
    [InlineData("""{"id":"0704.0046","title":"T","versions":[{"version":"v1"}],"update_date":"2009-11-13"}""", "version 1 (v1) has no \"created\"")]
    [InlineData("""{"id":"0704.0046","title":"T","versions":[{"version":"v1","created":"Mon, 02 Apr 2007 19:18:42 GMT"}],"update_date":"2009-11-13"}""", "version 1: \"created\" must be null or a time")]
    [InlineData("""{"id":"0704.0046","title":"T","versions":[{"version":"v1","created":"Tue, 2 Apr 2007 19:18:42 GMT"}],"update_date":"2009-11-13"}""", "version 1: \"created\" must be null or a time")]
    [InlineData("""{"id":"0704.0046","title":"T","versions":[{"version":"v1","created":"2007-04-02 19:18:42"}],"update_date":"2009-11-13"}""", "version 1: \"created\" must be null or a time")]
    [InlineData("""{"id":"0704.0046","title":"T","versions":[{"version":"v1","created":"Mon, 2 Apr 2007 24:18:42 GMT"}],"update_date":"2009-11-13"}""", "version 1: \"created\" must be null or a time")]
    [InlineData("""{"id":"0704.0046","title":"  \n ","versions":[{"version":"v1","created":null}],"update_date":"2009-11-13"}""", "record 0704.0046 has no title")]
    [InlineData("""{"id":"0704.0046","versions":[{"version":"v1","created":null}],"update_date":"2009-11-13"}""", "record 0704.0046 has no title")]
    [InlineData("""{"id":"0704.0046","title":"T","versions":[{"version":"v1","created":null}],"update_date":"2009-11-13","authors_parsed":"Smith"}""", "\"authors_parsed\" must be an array")]
    public void A_bad_record_is_rejected_alone_with_its_line_and_reason(string line, string reason)
    {
        Assert.StartsWith(reason, Rejection(line), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\": \"2503.11731\", \"title\": \"T\"}", "line 1: not a snapshot: the first non-blank line is not a JSON object with an \"id\" and a \"versions\" array")]
    [InlineData("\n\nnot json", "line 3: not a snapshot: the first non-blank line is not a JSON object")]
    [InlineData("", "line 1: not a snapshot: the file has no records")]
    public void A_json_file_that_is_not_a_snapshot_is_rejected_whole(string text, string reason)
    {
        Assert.StartsWith(reason, Parse(text).FileRejection, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jsonl_file_whose_first_line_is_a_record_is_a_snapshot_and_a_listing_stays_a_listing()
    {
        Assert.Equal(DigestFormat.Snapshot, Parse(Good, "2025-03-19.jsonl").Header?.Format);
        Assert.Equal(DigestFormat.Snapshot, Parse(Good, "snapshot.jsonl").Header?.Format);
        Assert.Equal(DigestFormat.Listing, Parse("""{"id": "2503.11731", "title": "T"}""", "2025-03-19.jsonl").Header?.Format);
    }

    [Fact]
    public void The_snapshots_date_is_its_first_records_update_date()
    {
        var snapshot = Parse(Good + "\n" + Good.Replace("2009-11-13", "2024-01-02", StringComparison.Ordinal).Replace("0704.0046", "0704.0047", StringComparison.Ordinal));

        Assert.Equal(new DigestHeader(DigestFormat.Snapshot, null, new DateOnly(2009, 11, 13)), snapshot.Header);
        Assert.Equal(new DateOnly(2009, 11, 13), SourceFormats.ReadDate("x.json", Encoding.UTF8.GetBytes(Good)));
    }

    [Fact]
    public void Gzip_and_zip_snapshots_read_as_their_json_lines()
    {
        var text = Encoding.UTF8.GetBytes(Good + "\n" + Good.Replace("0704.0046", "0704.0047", StringComparison.Ordinal) + "\n");
        var plain = SourceFormats.Parse("s.json", text);

        using var gzip = new MemoryStream();
        using (var writer = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
        {
            writer.Write(text);
        }

        var fromGzip = SourceFormats.Parse("arxiv-metadata-oai-snapshot.json.gz", gzip.ToArray());
        var fromZip = SourceFormats.Parse("arxiv.zip", Zip(("arxiv-metadata-oai-snapshot.json", text)));

        foreach (var parsed in new[] { fromGzip, fromZip })
        {
            Assert.Equal(plain.Header, parsed.Header);
            Assert.Equal(plain.Entries.Select(entry => (entry.ArxivId, entry.Line, Convert.ToHexString(entry.Record!.Sha256))), parsed.Entries.Select(entry => (entry.ArxivId, entry.Line, Convert.ToHexString(entry.Record!.Sha256))));
        }

        Assert.StartsWith("line 1: not a snapshot: the file cannot be decompressed (the zip archive holds 2 files", SourceFormats.Parse("two.zip", Zip(("a.json", text), ("b.json", text))).FileRejection, StringComparison.Ordinal);
        Assert.StartsWith("line 1: not a snapshot: the file cannot be decompressed", SourceFormats.Parse("broken.json.gz", text).FileRejection, StringComparison.Ordinal);
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return buffer.ToArray();
    }

    [Theory]
    [InlineData("Sun, 1 Apr 2007 00:00:00 GMT", true)]
    [InlineData("Mon, 31 Dec 2007 23:59:59 GMT", true)]
    [InlineData("Mon, 31 Dec 2007 23:59:60 GMT", false)]
    [InlineData("Thu, 29 Feb 2007 10:00:00 GMT", false)]
    [InlineData("Mon, 1 Apr 2007 00:00:00 GMT", false)]
    [InlineData("Sun, 1 Apr 2007 00:00:00 UTC", false)]
    [InlineData("Sun,  1 Apr 2007 00:00:00 GMT", false)]
    public void Created_times_are_read_strictly(string text, bool valid)
    {
        Assert.Equal(valid, SnapshotDates.TryParseCreated(text, out var at));
        if (valid)
        {
            Assert.Equal(text, SnapshotDates.FormatCreated(at));
        }
    }

    [Fact]
    public void A_snapshot_parsed_for_some_lines_gives_only_their_entries_rejections_and_repairs_and_still_its_date_and_shape()
    {
        string Record(string id, string title) => Good.Replace("0704.0046", id, StringComparison.Ordinal)
            .Replace("A limit relation for entropy and channel capacity per unit\\n  cost", title, StringComparison.Ordinal);
        var lines = new[]
        {
            Record("0704.0001", "Am√©lie held"),    // line 1: skipped, but dates the file
            "{\"id\":\"0704.0002\",\"versions\":\"bad\"}",  // line 2: bad, skipped: no rejection
            Record("0704.0003", "Am√©lie parsed"),  // line 3: parsed, one repair
            "{\"id\":\"0704.0004\",\"versions\":\"bad\"}",  // line 4: bad, parsed: rejected
        };
        var content = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        var scan = new ContentScan();
        scan.Append(content);
        scan.Complete();
        var entries = new List<DigestEntry>();
        var asked = new List<int>();

        var parsed = SourceFormats.ParseSnapshot(new MemoryStream(content), scan, line =>
        {
            asked.Add(line);
            return line is 3 or 4;
        }, entries.Add);

        Assert.Equal([1, 2, 3, 4], asked);
        Assert.Equal("0704.0003", Assert.Single(entries).ArxivId);
        Assert.Equal(4, Assert.Single(parsed.Rejections).Line);
        Assert.Equal(1, parsed.MojibakeRepairs);
        Assert.Equal(new DigestHeader(DigestFormat.Snapshot, null, new DateOnly(2009, 11, 13)), parsed.Header);

        // The first line must still be a record, skipped or not.
        var notSnapshot = Encoding.UTF8.GetBytes("{\"id\":\"x\"}\n" + Good + "\n");
        var notScan = new ContentScan();
        notScan.Append(notSnapshot);
        notScan.Complete();
        Assert.NotNull(SourceFormats.ParseSnapshot(new MemoryStream(notSnapshot), notScan, _ => false, entries.Add).FileRejection);
    }
}
