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
    /// The largest file taken as a digest: 256 MB, where a daily listing is a few MB. Bigger files are rejected
    /// unread, so one stray dump cannot exhaust the loader's memory.
    /// </summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Parses raw file bytes: UTF-8 with or without BOM (UTF-16 with a BOM is transcoded), LF or CRLF.
    /// Binary data, invalid UTF-8 and files over <see cref="MaxBytes"/> are rejected with the reason.
    /// </summary>
    public static ParsedDigest Parse(ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxBytes)
        {
            return TooLarge(content.Length);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return ParseUtf16(content);
        }

        var nul = content.IndexOf((byte)0);
        if (nul >= 0)
        {
            return ParsedDigest.NotADigest($"line {content[..nul].Count((byte)'\n') + 1}: not a digest: the file holds binary data (a NUL byte); a digest is UTF-8 text");
        }

        if (!System.Text.Unicode.Utf8.IsValid(content))
        {
            return ParsedDigest.NotADigest($"line {LineOfFirstInvalidByte(content)}: not a digest: the file is not valid UTF-8; save it as UTF-8 and load it again");
        }

        return Parse(Encoding.UTF8.GetString(content));
    }

    /// <summary>What a file over <see cref="MaxBytes"/> gets, without being read.</summary>
    public static ParsedDigest TooLarge(long bytes) => ParsedDigest.NotADigest(
        $"line 1: not a digest: the file is {bytes / (1024.0 * 1024):#,0} MB, more than the {MaxBytes / (1024 * 1024)} MB a digest can be (a daily listing is a few MB); split it into daily files");

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
            return ParsedDigest.NotADigest("line 1: not a digest: the file is empty");
        }

        if (memory.Span.IsWhiteSpace())
        {
            return ParsedDigest.NotADigest("line 1: not a digest: the file holds only whitespace");
        }

        if (!HeaderParser.TryParse(first.ToString(), out var header, out var reason))
        {
            return ParsedDigest.NotADigest(reason);
        }

        var entries = new List<DigestEntry>();
        var rejections = new List<EntryRejection>();
        var block = new EntryBlock();
        var inEntry = false;
        var number = 1;
        while (NextLine(memory, ref position, out var line))
        {
            number++;
            var span = line.Span;
            if (span.StartsWith("### ", StringComparison.Ordinal) || span.SequenceEqual("###"))
            {
                if (inEntry)
                {
                    Add(ParseEntry(block, header), entries, rejections);
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
            Add(ParseEntry(block, header), entries, rejections);
        }

        return new ParsedDigest(header, entries, rejections, null);
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
            return ParsedDigest.NotADigest("line 1: not a digest: the file starts with a UTF-16 byte order mark but is not valid UTF-16; save it as UTF-8 and load it again");
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        return nul >= 0
            ? ParsedDigest.NotADigest($"line {text.AsSpan(0, nul).Count('\n') + 1}: not a digest: the file holds binary data (a NUL character); a digest is text")
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

    private static void Add(EntryResult result, List<DigestEntry> entries, List<EntryRejection> rejections)
    {
        if (result.Entry is not null)
        {
            entries.Add(result.Entry);
        }
        else
        {
            rejections.Add(result.Rejection!);
        }
    }

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
