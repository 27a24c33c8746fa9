using System.Text;
using Etl.Core.Model;

namespace Etl.Core.Parsing;

/// <summary>
/// Reads one digest file line by line. Line 1 decides the format; every <c>###</c> line starts an entry.
/// A bad entry is rejected alone (with its line and reason) and the rest of the file still loads.
/// </summary>
public static class DigestParser
{
    /// <summary>
    /// Parses raw file bytes: UTF-8 with or without BOM (UTF-16 with a BOM is transcoded), LF or CRLF.
    /// Binary data and invalid UTF-8 are rejected with the reason. Holds the whole file (about 7 times its size
    /// with the parsed entries); large files are streamed with <see cref="Parse(Stream, ContentScan, Action{DigestEntry}, int)"/>.
    /// </summary>
    public static ParsedDigest Parse(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return ParseUtf16(content);
        }

        var nul = content.IndexOf((byte)0);
        if (nul >= 0)
        {
            return ParsedDigest.NotADigest(BinaryData(content[..nul].Count((byte)'\n') + 1));
        }

        if (!System.Text.Unicode.Utf8.IsValid(content))
        {
            return ParsedDigest.NotADigest(NotUtf8(LineOfFirstInvalidByte(content)));
        }

        return Parse(Encoding.UTF8.GetString(content));
    }

    /// <summary>Parses text from a reader; a leading BOM is ignored.</summary>
    public static ParsedDigest Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses a whole file's text; a leading BOM is ignored. Lines end with LF or CRLF.</summary>
    public static ParsedDigest Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var memory = text.AsMemory();
        if (memory.Span.StartsWith('\uFEFF'))
        {
            memory = memory[1..];
        }

        var position = 0;
        if (!NextLine(memory, ref position, out var first))
        {
            return ParsedDigest.NotADigest(Empty);
        }

        if (memory.Span.IsWhiteSpace())
        {
            return ParsedDigest.NotADigest(WhitespaceOnly);
        }

        if (!HeaderParser.TryParse(first.ToString(), out var header, out var reason))
        {
            return ParsedDigest.NotADigest(reason);
        }

        var entries = new List<DigestEntry>();
        var rejections = new List<EntryRejection>();
        var repairs = 0;
        ParseEntries(memory[position..], 1, header, result => Add(result, entries, rejections, ref repairs));
        return new ParsedDigest(header, entries, rejections, null) { MojibakeRepairs = repairs };
    }

    /// <summary>
    /// Streams a file whose whole-file facts were gathered in an earlier pass over the same bytes: the file is
    /// rejected from <paramref name="scan"/> exactly as <see cref="Parse(ReadOnlySpan{byte})"/> would, or else read
    /// in pieces that end before a <c>### </c> line (so no entry is split), each parsed by the same entry parsers.
    /// Entries go to <paramref name="onEntry"/> as they are parsed and are not kept: memory is bounded by the
    /// piece size and the largest entry, not by the file. The result has no entries, only header and rejections.
    /// </summary>
    public static ParsedDigest Parse(Stream content, ContentScan scan, Action<DigestEntry> onEntry, int pieceChars)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(onEntry);
        if (Rejection(scan) is { } rejection)
        {
            return ParsedDigest.NotADigest(rejection);
        }

        Encoding encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        if (scan.Utf16)
        {
            var bom = new byte[2];
            content.ReadExactly(bom);
            encoding = new UnicodeEncoding(bigEndian: bom[0] == 0xFE, byteOrderMark: false);
        }

        using var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        return Parse(reader, onEntry, pieceChars);
    }

    /// <summary>Streams text (whole-file rules already checked) piece by piece; see <see cref="Parse(Stream, ContentScan, Action{DigestEntry}, int)"/>.</summary>
    internal static ParsedDigest Parse(TextReader reader, Action<DigestEntry> onEntry, int pieceChars)
    {
        DigestHeader? header = null;
        var rejections = new List<EntryRejection>();
        var repairs = 0;
        foreach (var (linesBefore, piece) in TextPieces.Split(reader, pieceChars))
        {
            var text = piece;
            var before = linesBefore;
            if (header is null)
            {
                // The first piece holds the whole header line: pieces end only after a line feed.
                if (text.Span.StartsWith('\uFEFF'))
                {
                    text = text[1..];
                }

                var position = 0;
                if (!NextLine(text, ref position, out var first))
                {
                    return ParsedDigest.NotADigest(Empty);
                }

                if (!HeaderParser.TryParse(first.ToString(), out var parsedHeader, out var reason))
                {
                    return ParsedDigest.NotADigest(reason);
                }

                header = parsedHeader;
                text = text[position..];
                before = 1;
            }

            ParseEntries(text, before, header, result =>
            {
                if (result.Entry is not null)
                {
                    onEntry(result.Entry);
                    repairs += result.MojibakeRepairs;
                }
                else
                {
                    rejections.Add(result.Rejection!);
                }
            });
        }

        return header is null ? ParsedDigest.NotADigest(Empty) : new ParsedDigest(header, [], rejections, null) { MojibakeRepairs = repairs };
    }

    /// <summary>The whole-file rejection <see cref="Parse(ReadOnlySpan{byte})"/> gives, from facts gathered while streaming; null when none.</summary>
    internal static string? Rejection(ContentScan scan)
    {
        if (scan.Utf16 && scan.Utf16Broken)
        {
            return BrokenUtf16;
        }

        if (scan.NulLine is { } nul)
        {
            return scan.Utf16 ? BinaryText(nul) : BinaryData(nul);
        }

        if (!scan.Utf16 && scan.InvalidUtf8Line is { } invalid)
        {
            return NotUtf8(invalid);
        }

        return scan.IsEmpty ? Empty : scan.IsWhitespaceOnly ? WhitespaceOnly : null;
    }

    /// <summary>
    /// The entries of a run of lines that follows the header: every <c>###</c> line starts an entry, lines before
    /// the first one are ignored. <paramref name="linesBefore"/> numbers the lines as in the whole file.
    /// </summary>
    private static void ParseEntries(ReadOnlyMemory<char> text, int linesBefore, DigestHeader header, Action<EntryResult> add)
    {
        var position = 0;
        var block = new EntryBlock();
        var inEntry = false;
        var number = linesBefore;
        while (NextLine(text, ref position, out var line))
        {
            number++;
            var span = line.Span;
            if (span.StartsWith("### ", StringComparison.Ordinal) || span.SequenceEqual("###"))
            {
                if (inEntry)
                {
                    add(ParseEntry(block, header));
                }

                block.Start(number, line.Length > 4 ? line[4..] : ReadOnlyMemory<char>.Empty);
                inEntry = true;
            }
            else if (inEntry)
            {
                block.Body.Add((number, line));
            }
        }

        if (inEntry)
        {
            add(ParseEntry(block, header));
        }
    }

    /// <summary>UTF-16 with a byte order mark (as some Windows editors save) is transcoded; broken UTF-16 is rejected.</summary>
    private static ParsedDigest ParseUtf16(ReadOnlySpan<byte> content)
    {
        var encoding = new UnicodeEncoding(bigEndian: content[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true);
        string text;
        try
        {
            text = encoding.GetString(content[2..]);
        }
        catch (DecoderFallbackException)
        {
            return ParsedDigest.NotADigest(BrokenUtf16);
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        return nul >= 0
            ? ParsedDigest.NotADigest(BinaryText(text.AsSpan(0, nul).Count('\n') + 1))
            : Parse(text);
    }

    /// <summary>The next line without its LF or CRLF; false at the end of the text.</summary>
    private static bool NextLine(ReadOnlyMemory<char> text, ref int position, out ReadOnlyMemory<char> line)
    {
        if (position >= text.Length)
        {
            line = default;
            return false;
        }

        var rest = text[position..];
        var end = rest.Span.IndexOf('\n');
        if (end < 0)
        {
            line = rest.Span[^1] == '\r' ? rest[..^1] : rest;
            position = text.Length;
            return true;
        }

        line = end > 0 && rest.Span[end - 1] == '\r' ? rest[..(end - 1)] : rest[..end];
        position += end + 1;
        return true;
    }

    private static EntryResult ParseEntry(EntryBlock block, DigestHeader header) =>
        header.Format == DigestFormat.Detailed ? DetailedEntryParser.Parse(block) : CompactEntryParser.Parse(block, header);

    private static void Add(EntryResult result, List<DigestEntry> entries, List<EntryRejection> rejections, ref int repairs)
    {
        if (result.Entry is not null)
        {
            entries.Add(result.Entry);
            repairs += result.MojibakeRepairs;
        }
        else
        {
            rejections.Add(result.Rejection!);
        }
    }

    private const string Empty = "line 1: not a digest: the file is empty";

    private const string WhitespaceOnly = "line 1: not a digest: the file holds only whitespace";

    private const string BrokenUtf16 = "line 1: not a digest: the file starts with a UTF-16 byte order mark but is not valid UTF-16; save it as UTF-8 and load it again";

    private static string BinaryData(int line) => $"line {line}: not a digest: the file holds binary data (a NUL byte); a digest is UTF-8 text";

    private static string BinaryText(int line) => $"line {line}: not a digest: the file holds binary data (a NUL character); a digest is text";

    private static string NotUtf8(int line) => $"line {line}: not a digest: the file is not valid UTF-8; save it as UTF-8 and load it again";

    internal static int LineOfFirstInvalidByte(ReadOnlySpan<byte> content)
    {
        var valid = 0;
        while (valid < content.Length)
        {
            if (Rune.DecodeFromUtf8(content[valid..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                break;
            }

            valid += consumed;
        }

        return content[..valid].Count((byte)'\n') + 1;
    }
}
