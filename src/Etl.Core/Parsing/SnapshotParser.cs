using Etl.Core.Model;

namespace Etl.Core.Parsing;

/// <summary>
/// arXiv's metadata snapshot (Cornell's <c>arxiv-metadata-oai-snapshot.json</c>): JSON lines, one record per
/// paper (<see cref="SnapshotRecordReader"/>). A <c>.json</c>, <c>.json.gz</c> or <c>.zip</c> file (or a
/// <c>.jsonl</c> file whose first non-blank line is a record, see <see cref="SourceFormats"/>) whose first
/// non-blank line is a JSON object with an <c>id</c> and a <c>versions</c> array. A bad record is rejected
/// alone, with its line and reason; the snapshot's own date is the <c>update_date</c> of its first record.
/// Compressed files are read through their decompressed bytes (<see cref="SnapshotFiles.Decompress"/>): line numbers and
/// record hashes are those of the JSON lines.
/// </summary>
internal sealed class SnapshotParser : ISourceParser
{
    public static readonly SnapshotParser Instance = new();

    internal const string Expected = "a snapshot is arXiv's metadata as JSON lines, each line a record {\"id\": …, \"versions\": [{\"version\": \"v1\", \"created\": …}], \"update_date\": …} (arxiv-metadata-oai-snapshot.json, also .json.gz or a .zip holding it)";

    public IReadOnlyList<string> Extensions { get; } = [".json", ".json.gz", ".zip"];

    public DateOnly? ReadDate(string fileName, ReadOnlySpan<byte> content)
    {
        return new JsonLines().NextNonBlank(ref content, out _, out var line) ? SnapshotRecordReader.UpdateDateOf(line) : null;
    }

    public ParsedDigest Parse(string fileName, ReadOnlySpan<byte> content)
    {
        if (SnapshotFiles.IsCompressed(fileName))
        {
            try
            {
                using var decompressed = SnapshotFiles.Decompress(fileName, new MemoryStream(content.ToArray(), writable: false));
                using var buffer = new MemoryStream();
                decompressed.CopyTo(buffer);
                return ParseText(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            }
            catch (InvalidDataException exception)
            {
                return SnapshotFiles.NotDecompressible(exception);
            }
        }

        return ParseText(content);
    }

    private static ParsedDigest ParseText(ReadOnlySpan<byte> content)
    {
        if (!System.Text.Unicode.Utf8.IsValid(content))
        {
            return ParsedDigest.NotADigest(NotUtf8(DigestParser.LineOfFirstInvalidByte(content)));
        }

        var entries = new List<DigestEntry>();
        var rejections = new List<EntryRejection>();
        var records = new Records();
        return records.Read(content, entries.Add, rejections) ?? records.End(entries, rejections);
    }

    /// <summary>
    /// Streams the decompressed JSON lines checked by an earlier pass over the same bytes (<paramref name="scan"/>):
    /// read in pieces of whole lines; records go to <paramref name="onEntry"/> and are not kept.
    /// </summary>
    public ParsedDigest Parse(string fileName, Stream content, ContentScan scan, Action<DigestEntry> onEntry, int pieceBytes) =>
        Parse(content, scan, parsesLine: null, onEntry, pieceBytes);

    /// <summary>
    /// The same, parsing only the record lines <paramref name="parsesLine"/> accepts (by line number): a load skips
    /// the records the warehouse holds (accepted when they were stored), which are most of a weekly snapshot. The
    /// file's first line is still checked to be a record, and its date read. Skipped lines give no entry, no
    /// rejection and no mojibake repair.
    /// </summary>
    public static ParsedDigest Parse(Stream content, ContentScan scan, Func<int, bool>? parsesLine, Action<DigestEntry> onEntry, int pieceBytes)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (scan.InvalidUtf8Line is { } invalid)
        {
            return ParsedDigest.NotADigest(NotUtf8(invalid));
        }

        var rejections = new List<EntryRejection>();
        var records = new Records(parsesLine);
        foreach (var piece in BytePieces.Split(content, pieceBytes))
        {
            if (records.Read(piece.Span, onEntry, rejections) is { } rejected)
            {
                return rejected;
            }
        }

        return records.End([], rejections);
    }

    private static string NotUtf8(int line) => $"line {line}: not a snapshot: the file is not valid UTF-8; save it as UTF-8 and load it again";

    /// <summary>Reads a snapshot's records in order, across as many pieces of whole lines as it comes in.</summary>
    private sealed class Records(Func<int, bool>? parsesLine = null)
    {
        private readonly SnapshotRecordReader _reader = new();
        private readonly JsonLines _lines = new();
        private DateOnly? _date;
        private int _firstLine;
        private int _repairs;

        /// <returns>The file's rejection when its first non-blank line is not a snapshot record; null otherwise.</returns>
        public ParsedDigest? Read(ReadOnlySpan<byte> content, Action<DigestEntry> onEntry, List<EntryRejection> rejections)
        {
            while (_lines.NextNonBlank(ref content, out var number, out var line))
            {
                if (_firstLine == 0)
                {
                    _firstLine = number;
                    if (!SnapshotRecordReader.IsSnapshotRecord(line))
                    {
                        return ParsedDigest.NotADigest($"line {number}: not a snapshot: the first non-blank line is not a JSON object with an \"id\" and a \"versions\" array; {Expected}");
                    }
                }

                if (parsesLine?.Invoke(number) == false)
                {
                    _date ??= SnapshotRecordReader.UpdateDateOf(line);
                    continue;
                }

                var result = _reader.Read(line, number);
                if (result.Entry is { } entry)
                {
                    _date ??= entry.Record!.UpdateDate;
                    _repairs += result.MojibakeRepairs;
                    onEntry(entry);
                }
                else
                {
                    _date ??= SnapshotRecordReader.UpdateDateOf(line);
                    rejections.Add(result.Rejection!);
                }
            }

            return null;
        }

        public ParsedDigest End(List<DigestEntry> entries, List<EntryRejection> rejections) =>
            _firstLine == 0 ? ParsedDigest.NotADigest($"line 1: not a snapshot: the file has no records; {Expected}")
            : _date is not { } date ? ParsedDigest.NotADigest($"line {_firstLine}: not a snapshot: no record has a valid \"update_date\" to date the file by; {Expected}")
            : new ParsedDigest(new DigestHeader(DigestFormat.Snapshot, null, date), entries, rejections, null) { MojibakeRepairs = _repairs };
    }
}
