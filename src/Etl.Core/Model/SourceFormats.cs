using Etl.Core.Parsing;

namespace Etl.Core.Model;

/// <summary>
/// The one list of source formats: adding a format is a parser and a row here. The reconciler ranks by
/// <see cref="SourceFormat.Precedence"/>, the loader names formats with <see cref="SourceFormat.Name"/>,
/// discovery walks folders for the parsers' extensions, and <c>warehouse.source_formats</c> holds the
/// same rows (the migrator writes them from this list).
/// </summary>
public static class SourceFormats
{
    public static IReadOnlyList<SourceFormat> All { get; } =
    [
        new(DigestFormat.Detailed, "detailed", 3, "markdown digest '# Arxiv Papers in {category} on {date}': every field of one version of each paper", MarkdownDigestParser.Instance),
        new(DigestFormat.Snapshot, "snapshot", 3, "arXiv metadata snapshot (arxiv-metadata-oai-snapshot.json): every version's timestamp and the fields of each paper's highest version; ranks with detailed entries", SnapshotParser.Instance),
        new(DigestFormat.Listing, "listing", 2, "daily JSON-lines listing {date}.jsonl: authors, categories and abstract of each paper, no version", ListingParser.Instance),
        new(DigestFormat.Compact, "compact", 1, "markdown digest '# ArXiv {category} --{date}': title and v1 abstract of each paper", MarkdownDigestParser.Instance, CategoriesFromDigest: true),
    ];

    /// <summary>File extensions (with the dot) that folders are walked for.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [.. All.SelectMany(format => format.Parser.Extensions).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static readonly SourceFormat[] ByFormat = [.. All.OrderBy(format => (int)format.Format)];

    public static SourceFormat Of(DigestFormat format) => ByFormat[(int)format];

    /// <exception cref="InvalidDataException">The name is not in the list (a warehouse written by a newer version).</exception>
    public static SourceFormat Named(string name)
    {
        foreach (var format in All)
        {
            if (string.Equals(format.Name, name, StringComparison.Ordinal))
            {
                return format;
            }
        }

        throw new InvalidDataException($"the warehouse holds evidence of source format '{name}', which this version does not know; upgrade the loader");
    }

    /// <summary>Parses one file with the parser its name and first line name (<see cref="ParserFor"/>).</summary>
    /// <param name="path">The file's name or path; only its name is used.</param>
    /// <param name="content">Its bytes.</param>
    public static ParsedDigest Parse(string path, ReadOnlySpan<byte> content) => ParserFor(path, content).Parse(path, content);

    /// <summary>Streams one file (see <see cref="ISourceParser.Parse(string, Stream, ContentScan, Action{DigestEntry}, int)"/>): memory does not grow with the file.</summary>
    /// <param name="path">The file's name or path; only its name is used.</param>
    /// <param name="content">Its bytes from the start, the same bytes <paramref name="scan"/> was given.</param>
    /// <param name="scan">The whole-file facts of an earlier pass.</param>
    /// <param name="onEntry">Called with each entry, in file order.</param>
    /// <param name="head">The file's first (decompressed) bytes, at least through its first non-blank line when it has one (<see cref="ParserFor"/>).</param>
    /// <param name="pieceSize">About how much is parsed at a time (characters of a digest, bytes of a listing).</param>
    public static ParsedDigest Parse(string path, Stream content, ContentScan scan, Action<DigestEntry> onEntry, ReadOnlySpan<byte> head, int pieceSize = PieceSize) =>
        ParserFor(path, head).Parse(path, content, scan, onEntry, pieceSize);

    /// <summary>
    /// Streams a snapshot (<see cref="DigestFormat.Snapshot"/>), parsing only the record lines <paramref name="parsesLine"/>
    /// accepts: a load skips the records the warehouse already holds. Otherwise as <see cref="Parse(string, Stream, ContentScan, Action{DigestEntry}, ReadOnlySpan{byte}, int)"/>.
    /// </summary>
    public static ParsedDigest ParseSnapshot(Stream content, ContentScan scan, Func<int, bool> parsesLine, Action<DigestEntry> onEntry, int pieceSize = PieceSize) =>
        SnapshotParser.Parse(content, scan, parsesLine, onEntry, pieceSize);

    /// <summary>About 4 MB parsed at a time when streaming.</summary>
    public const int PieceSize = 4 << 20;

    /// <summary>The date a file names (digest header or listing file name), read cheaply to order a backfill; null when it names none.</summary>
    /// <param name="path">The file's name or path.</param>
    /// <param name="content">Its first (decompressed) bytes, through its first non-blank line (a snapshot's date is in its first record).</param>
    public static DateOnly? ReadDate(string path, ReadOnlySpan<byte> content) => ParserFor(path, content).ReadDate(path, content);

    /// <summary>
    /// The parser of a file: the one whose extension ends its name (the longest such, so <c>.json.gz</c> beats
    /// <c>.gz</c>), except that a <c>.jsonl</c> file whose first non-blank line is a snapshot record (a JSON object with
    /// an <c>id</c> and a <c>versions</c> array) is a snapshot, not a listing. Any other file is read as a markdown digest.
    /// </summary>
    /// <param name="path">The file's name or path.</param>
    /// <param name="head">Its first bytes, through its first non-blank line (or as much of it as is at hand).</param>
    public static ISourceParser ParserFor(string path, ReadOnlySpan<byte> head)
    {
        var name = Path.GetFileName(path);
        ISourceParser parser = MarkdownDigestParser.Instance;
        var matched = 0;
        foreach (var format in All)
        {
            foreach (var candidate in format.Parser.Extensions)
            {
                if (candidate.Length > matched && name.EndsWith(candidate, StringComparison.OrdinalIgnoreCase))
                {
                    parser = format.Parser;
                    matched = candidate.Length;
                }
            }
        }

        return parser == ListingParser.Instance && new JsonLines().NextNonBlank(ref head, out _, out var line) && SnapshotRecordReader.IsSnapshotRecord(line)
            ? SnapshotParser.Instance
            : parser;
    }

    /// <summary>Whether the file is a snapshot (<see cref="ParserFor"/>): a snapshot loads in a batch of its own.</summary>
    /// <param name="path">The file's name or path.</param>
    /// <param name="head">Its first (decompressed) bytes, through its first non-blank line.</param>
    public static bool IsSnapshot(string path, ReadOnlySpan<byte> head) => ParserFor(path, head) == SnapshotParser.Instance;

    /// <summary>Whether folders are walked for a file of this name: it ends with one of <see cref="Extensions"/>.</summary>
    public static bool IsWalkedFor(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var extension in Extensions)
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
