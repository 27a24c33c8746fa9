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
            return NotNamedByDate(name);
        }

        if (!System.Text.Unicode.Utf8.IsValid(content))
        {
            return ParsedDigest.NotADigest(NotUtf8(DigestParser.LineOfFirstInvalidByte(content)));
        }

        var entries = new List<DigestEntry>();
        var rejections = new List<EntryRejection>();
        var lines = new Lines();
        return lines.Read(content, entries.Add, rejections) ?? lines.End(date, entries, rejections);
    }

    /// <summary>
    /// Streams a listing checked by an earlier pass over the same bytes (<paramref name="scan"/>): read in pieces
    /// of whole lines, each line parsed as in <see cref="Parse(string, ReadOnlySpan{byte})"/>; entries go to
    /// <paramref name="onEntry"/> and are not kept. The result has no entries, only header and rejections.
    /// </summary>
    public ParsedDigest Parse(string fileName, Stream content, ContentScan scan, Action<DigestEntry> onEntry, int pieceBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(scan);
        var name = Path.GetFileName(fileName);
        if (DateOfName(name) is not { } date)
        {
            return NotNamedByDate(name);
        }

        if (scan.InvalidUtf8Line is { } invalid)
        {
            return ParsedDigest.NotADigest(NotUtf8(invalid));
        }

        var rejections = new List<EntryRejection>();
        var lines = new Lines();
        foreach (var piece in BytePieces.Split(content, pieceBytes))
        {
            if (lines.Read(piece.Span, onEntry, rejections) is { } rejected)
            {
                return rejected;
            }
        }

        return lines.End(date, [], rejections);
    }

    private static ParsedDigest NotNamedByDate(string name) =>
        ParsedDigest.NotADigest($"line 1: not a listing: the file name '{name}' does not start with a calendar date YYYY-MM-DD; {Expected}");

    private static string NotUtf8(int line) => $"line {line}: not a listing: the file is not valid UTF-8; save it as UTF-8 and load it again";

    /// <summary>Reads a listing's lines in order, across as many pieces of whole lines as it comes in.</summary>
    private sealed class Lines
    {
        private readonly ListingEntryReader _reader = new();
        private int _number;
        private bool _recognized;
        private int _repairs;  // words of accepted entries repaired as mojibake

        /// <returns>The file's rejection when its first non-blank line is not a listing line; null otherwise.</returns>
        public ParsedDigest? Read(ReadOnlySpan<byte> content, Action<DigestEntry> onEntry, List<EntryRejection> rejections)
        {
            if (_number == 0 && content.StartsWith("\uFEFF"u8))
            {
                content = content[3..];
            }

            while (!content.IsEmpty)
            {
                _number++;
                var end = content.IndexOf((byte)'\n');
                var line = end < 0 ? content : content[..end];
                content = end < 0 ? [] : content[(end + 1)..];
                if (IsBlank(line))
                {
                    continue;
                }

                var result = _reader.Read(line, _number, out var isObjectWithId);
                if (!_recognized && !isObjectWithId)
                {
                    return ParsedDigest.NotADigest($"line {_number}: not a listing: the first non-blank line is not a JSON object with an \"id\" field; {Expected}");
                }

                _recognized = true;
                if (result.Entry is not null)
                {
                    onEntry(result.Entry);
                    _repairs += result.MojibakeRepairs;
                }
                else
                {
                    rejections.Add(result.Rejection!);
                }
            }

            return null;
        }

        public ParsedDigest End(DateOnly date, List<DigestEntry> entries, List<EntryRejection> rejections) =>
            _recognized
                ? new ParsedDigest(new DigestHeader(DigestFormat.Listing, null, date), entries, rejections, null) { MojibakeRepairs = _repairs }
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
