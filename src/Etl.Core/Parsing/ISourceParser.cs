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

    /// <summary>The file's date, read as cheaply as possible (to order a backfill); null when it names none.</summary>
    DateOnly? ReadDate(string fileName, ReadOnlySpan<byte> content);
}
