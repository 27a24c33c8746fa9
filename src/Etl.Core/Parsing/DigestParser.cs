using System.Text;
using Etl.Core.Model;

namespace Etl.Core.Parsing;

/// <summary>
/// Reads one digest file line by line. Line 1 decides the format; every <c>###</c> line starts an entry.
/// A bad entry is rejected alone (with its line and reason) and the rest of the file still loads.
/// </summary>
public static class DigestParser
{
    /// <summary>Parses raw file bytes: UTF-8 with or without BOM, LF or CRLF.</summary>
    public static ParsedDigest Parse(ReadOnlySpan<byte> content)
    {
        if (!System.Text.Unicode.Utf8.IsValid(content))
        {
            return ParsedDigest.NotADigest($"line {LineOfFirstInvalidByte(content)}: not a digest: the file is not valid UTF-8; save it as UTF-8 and load it again");
        }

        using var reader = new StringReader(Encoding.UTF8.GetString(content));
        return Parse(reader);
    }

    /// <summary>Parses text from a reader; a leading BOM is ignored.</summary>
    public static ParsedDigest Parse(TextReader reader)
    {
        var first = reader.ReadLine();
        if (first is { Length: > 0 } && first[0] == '\uFEFF')
        {
            first = first[1..];
        }

        if (first is null)
        {
            return ParsedDigest.NotADigest("line 1: not a digest: the file is empty");
        }

        if (!HeaderParser.TryParse(first, out var header, out var reason))
        {
            return ParsedDigest.NotADigest(reason);
        }

        var entries = new List<DigestEntry>();
        var rejections = new List<EntryRejection>();
        var block = new EntryBlock();
        var inEntry = false;
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.StartsWith("### ", StringComparison.Ordinal) || line == "###")
            {
                if (inEntry)
                {
                    Add(ParseEntry(block, header), entries, rejections);
                }

                block.Start(number, line.Length > 4 ? line[4..] : string.Empty);
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

    private static int LineOfFirstInvalidByte(ReadOnlySpan<byte> content)
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
