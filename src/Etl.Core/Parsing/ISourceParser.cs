using Etl.Core.Model;

namespace Etl.Core.Parsing;

/// <summary>Reads the files of one or more source formats (see <see cref="SourceFormats"/>). Pure: bytes in, entries out.</summary>
public interface ISourceParser
{
    /// <summary>File extensions (with the dot) this parser reads when folders are walked.</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>Every entry and rejection of one file, or the reason the whole file is rejected.</summary>
    /// <param name="fileName">The file's name or path (a listing's date is in its name).</param>
    /// <param name="content">The file's bytes.</param>
    ParsedDigest Parse(string fileName, ReadOnlySpan<byte> content);

    /// <summary>
    /// The same answer as <see cref="Parse(string, ReadOnlySpan{byte})"/>, for a file too large to hold: the whole-file
    /// rules come from <paramref name="scan"/> (gathered in an earlier pass over the same bytes), then the file is read
    /// in pieces of whole entries (about <paramref name="pieceSize"/> characters or bytes), each entry handed to
    /// <paramref name="onEntry"/> and not kept. The result holds the header and rejections, no entries.
    /// </summary>
    ParsedDigest Parse(string fileName, Stream content, ContentScan scan, Action<DigestEntry> onEntry, int pieceSize);

    /// <summary>The file's date, read as cheaply as possible (to order a backfill); null when it names none.</summary>
    DateOnly? ReadDate(string fileName, ReadOnlySpan<byte> content);
}
