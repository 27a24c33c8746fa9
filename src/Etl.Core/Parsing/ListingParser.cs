using System.Globalization;
using System.Text.Json;
using Etl.Core.Model;

namespace Etl.Core.Parsing;

/// <summary>
/// Daily JSON-lines listings (dw-dengwei/daily-arXiv-ai-enhanced and its forks): a <c>.jsonl</c> file whose
/// name starts with the listing date <c>YYYY-MM-DD</c> and whose first non-blank line is a JSON object with
/// an <c>id</c>. Every non-blank line is one entry; a bad line is rejected alone (with its line and reason)
/// and the rest of the file still loads. Lines are read with <see cref="Utf8JsonReader"/> straight from the
/// file's bytes (<see cref="ListingEntryReader"/>): no string per line, only the kept values are allocated.
/// </summary>
internal sealed class ListingParser : ISourceParser
{
    public static readonly ListingParser Instance = new();

    private const string Expected = "a daily listing is a .jsonl file named {YYYY-MM-DD}[_anything].jsonl whose lines are JSON objects with an \"id\"";

    public IReadOnlyList<string> Extensions { get; } = [".jsonl"];

    public DateOnly? ReadDate(string fileName, ReadOnlySpan<byte> content) => DateOfName(Path.GetFileName(fileName));

    public ParsedDigest Parse(string fileName, ReadOnlySpan<byte> content)
    {
        var name = Path.GetFileName(fileName);
        if (DateOfName(name) is not { } date)
        {
            return ParsedDigest.NotADigest($"line 1: not a listing: the file name '{name}' does not start with a calendar date YYYY-MM-DD; {Expected}");
        }

        if (!System.Text.Unicode.Utf8.IsValid(content))
        {
            return ParsedDigest.NotADigest($"line {DigestParser.LineOfFirstInvalidByte(content)}: not a listing: the file is not valid UTF-8; save it as UTF-8 and load it again");
        }

        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        var header = new DigestHeader(DigestFormat.Listing, null, date);
        var entries = new List<DigestEntry>();
        var rejections = new List<EntryRejection>();
        var reader = new ListingEntryReader();
        var number = 0;
        var recognized = false;
        while (!content.IsEmpty)
        {
            number++;
            var end = content.IndexOf((byte)'\n');
            var line = end < 0 ? content : content[..end];
            content = end < 0 ? [] : content[(end + 1)..];
            if (IsBlank(line))
            {
                continue;
            }

            var result = reader.Read(line, number, out var isObjectWithId);
            if (!recognized && !isObjectWithId)
            {
                return ParsedDigest.NotADigest($"line {number}: not a listing: the first non-blank line is not a JSON object with an \"id\" field; {Expected}");
            }

            recognized = true;
            if (result.Entry is not null)
            {
                entries.Add(result.Entry);
            }
            else
            {
                rejections.Add(result.Rejection!);
            }
        }

        return recognized
            ? new ParsedDigest(header, entries, rejections, null)
            : ParsedDigest.NotADigest($"line 1: not a listing: the file has no entries; {Expected}");
    }

    /// <summary>The date that starts a listing's file name: <c>2025-03-19.jsonl</c>, <c>2025-03-19_AI_enhanced_Chinese.jsonl</c>.</summary>
    internal static DateOnly? DateOfName(string name) =>
        name.Length >= 10
        && (name.Length == 10 || !char.IsAsciiDigit(name[10]))
        && DateOnly.TryParseExact(name.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;
}
