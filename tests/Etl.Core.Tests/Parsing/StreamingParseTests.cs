using System.Text;
using Etl.Core.Model;
using Etl.Core.Parsing;
using Xunit;

namespace Etl.Core.Tests.Parsing;

/// <summary>
/// A file streamed in pieces (whole-file facts from a first pass, then pieces of whole entries) gives exactly
/// what the whole-file parse gives: header, entries, rejections and their line numbers, file rejections.
/// Small pieces make thousands of cuts, and entries longer than a piece force a piece to grow.
/// </summary>
public sealed class StreamingParseTests
{
    private const int SmallPiece = 4096;

    public static TheoryData<string, string, Encoding, string> Files => new()
    {
        { "detailed, LF", "digest.md", Utf8, "\n" },
        { "detailed, CRLF", "digest.md", Utf8, "\r\n" },
        { "detailed, UTF-8 BOM", "digest.md", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), "\n" },
        { "detailed, UTF-16 LE BOM", "digest.md", new UnicodeEncoding(bigEndian: false, byteOrderMark: true), "\r\n" },
        { "detailed, UTF-16 BE BOM", "digest.md", new UnicodeEncoding(bigEndian: true, byteOrderMark: true), "\n" },
        { "compact, LF", "digest.md", Utf8, "\n" },
        { "listing, LF", "2025-03-19.jsonl", Utf8, "\n" },
        { "listing, CRLF, BOM", "2025-03-19.jsonl", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), "\r\n" },
    };

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    [Theory]
    [MemberData(nameof(Files))]
    public void A_generated_multi_mb_file_streamed_in_small_pieces_parses_exactly_like_the_whole_file(string kind, string name, Encoding encoding, string newline)
    {
        var text = kind.StartsWith("listing", StringComparison.Ordinal) ? Listing(20_000) : kind.StartsWith("compact", StringComparison.Ordinal) ? Compact(20_000) : Detailed(8_000);
        var content = Encode(text.Replace("\n", newline, StringComparison.Ordinal), encoding);
        Assert.True(content.Length > 2 << 20, $"{kind}: {content.Length} bytes");

        var whole = SourceFormats.Parse(name, content);
        var (streamed, entries) = Stream(name, content, SmallPiece);

        Assert.Null(whole.FileRejection);
        Assert.Equal(whole.Header, streamed.Header);
        Assert.Equal(whole.Entries, entries, new EntryComparer());
        Assert.Equal(whole.Rejections, streamed.Rejections);
        Assert.Empty(streamed.Entries);
        Assert.NotEmpty(whole.Rejections);
    }

    [Theory]
    [MemberData(nameof(BadInputTests.NotADigest), MemberType = typeof(BadInputTests))]
    public void A_file_that_is_not_a_digest_gets_the_same_rejection_streamed(string kind, byte[] content, string reason)
    {
        var (streamed, entries) = Stream("digest.md", content, SmallPiece);

        Assert.Equal(DigestParser.Parse(content).FileRejection, streamed.FileRejection);
        Assert.True(streamed.FileRejection?.StartsWith(reason, StringComparison.Ordinal), $"{kind}: {streamed.FileRejection}");
        Assert.Empty(entries);
    }

    public static TheoryData<string, byte[]> LateWholeFileProblems => new()
    {
        { "digest.md", [.. Utf8.GetBytes(Detailed(2_000)), 0xC3, 0x28, (byte)'\n'] },
        { "digest.md", [.. Utf8.GetBytes(Detailed(2_000)), 0xE6, 0xBC] },
        { "digest.md", [.. Utf8.GetBytes(Detailed(2_000)), 0x00] },
        { "digest.md", [.. Utf8.GetBytes("# Arxiv Papers in cs.CV on 2020-09-30\n"), 0xC3, 0x28, (byte)'\n', 0x00] },
        { "digest.md", [.. new UnicodeEncoding(false, true).GetPreamble(), .. Encoding.Unicode.GetBytes(Detailed(1_000) + "\0")] },
        { "digest.md", [.. new UnicodeEncoding(false, true).GetPreamble(), .. Encoding.Unicode.GetBytes(Detailed(1_000)), 0x00, 0xD8] },
        { "2025-03-19.jsonl", [.. Utf8.GetBytes(Listing(2_000)), 0xFF, (byte)'\n'] },
        { "2025-03-19.jsonl", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Listing(10))] },
        { "2025-03-19.jsonl", Utf8.GetBytes("\n \n{\"title\": \"no id\"}\n" + Listing(10)) },
        { "2025-03-19.jsonl", Utf8.GetBytes("\n\r\n") },
        { "digest.md", Utf8.GetBytes("\uFEFF") },
        { "digest.md", Utf8.GetBytes("\n### 2001.00001\n") },
    };

    [Theory]
    [MemberData(nameof(LateWholeFileProblems))]
    public void A_whole_file_rule_broken_at_the_end_rejects_the_file_before_any_entry_is_handed_on(string name, byte[] content)
    {
        var whole = SourceFormats.Parse(name, content);
        var (streamed, entries) = Stream(name, content, SmallPiece);

        Assert.NotNull(whole.FileRejection);
        Assert.Equal(whole.FileRejection, streamed.FileRejection);
        Assert.Empty(entries);
    }

    /// <summary>The file's bytes go to the scan in odd-sized reads (cutting UTF-8 and UTF-16 sequences), then are parsed as a stream.</summary>
    private static (ParsedDigest Parsed, List<DigestEntry> Entries) Stream(string name, byte[] content, int pieceSize)
    {
        var scan = new ContentScan();
        for (var offset = 0; offset < content.Length; offset += 997)
        {
            scan.Append(content.AsSpan(offset, Math.Min(997, content.Length - offset)));
        }

        scan.Complete();
        var entries = new List<DigestEntry>();
        using var stream = new MemoryStream(content);
        return (SourceFormats.Parse(name, stream, scan, entries.Add, content, pieceSize), entries);
    }

    private static byte[] Encode(string text, Encoding encoding) => [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];

    /// <summary>
    /// Distinct papers with non-ASCII text, a preamble before the first entry, bad entries every 97th, a lone
    /// <c>###</c> heading, and every 500th summary longer than a piece.
    /// </summary>
    private static string Detailed(int count)
    {
        var text = new StringBuilder(Digests.DetailedHeader).Append("\n\nSome preamble that belongs to no entry.\n\n");
        for (var n = 1; n <= count; n++)
        {
            var summary = n % 500 == 0 ? new string('x', 3 * SmallPiece) : $"Caf\u00e9 \u6f22\u5b57 \U0001F600 number {n}.";
            text.Append(Digests.DetailedEntry(
                title: n % 1000 == 0 ? "" : $"Paper {n} on \u00e9tudes",
                id: n % 97 == 0 ? "- **Arxiv ID**: http://arxiv.org/abs/2001.00001v0" : $"- **Arxiv ID**: http://arxiv.org/abs/2001.{n:D5}v1",
                summary: "- **Summary**: " + summary));
            text.Append('\n');
        }

        return text.Replace("### \n", "###\n").ToString();
    }

    private static string Compact(int count)
    {
        var text = new StringBuilder(Digests.CompactHeader).Append("\n\n");
        for (var n = 1; n <= count; n++)
        {
            text.Append(Digests.CompactEntry(n, $"Paper {n} \u6f22", n % 89 == 0 ? "nowhere" : $"https://arxiv.org/pdf/2001.{n:D5}", $"> An abstract of {n}.\n> Its second line."));
        }

        return text.ToString();
    }

    private static string Listing(int count)
    {
        var text = new StringBuilder();
        for (var n = 1; n <= count; n++)
        {
            text.Append(n % 101 == 0
                ? "{\"id\": 12, \"title\": \"bad id\"}"
                : $"{{\"id\": \"2503.{n:D5}\", \"title\": \"Title {n} \u00e9\", \"authors\": [\"Ada Lovelace\", \"Alan Turing\"], \"categories\": [\"cs.CV\"], \"summary\": \"{(n % 700 == 0 ? new string('y', 2 * SmallPiece) : "An abstract \u6f22.")}\"}}");
            text.Append(n % 50 == 0 ? "\n\n" : "\n");
        }

        return text.ToString();
    }
}
