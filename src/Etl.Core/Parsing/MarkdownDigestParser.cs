using System.Text;
using Etl.Core.Model;

namespace Etl.Core.Parsing;

/// <summary>Detailed and compact digests: markdown files whose line 1 names the format (<see cref="DigestParser"/>).</summary>
internal sealed class MarkdownDigestParser : ISourceParser
{
    public static readonly MarkdownDigestParser Instance = new();

    public IReadOnlyList<string> Extensions { get; } = [".md", ".txt"];

    public ParsedDigest Parse(string fileName, ReadOnlySpan<byte> content) => DigestParser.Parse(content);

    public ParsedDigest Parse(string fileName, Stream content, ContentScan scan, Action<DigestEntry> onEntry, int pieceSize) =>
        DigestParser.Parse(content, scan, onEntry, pieceSize);

    public DateOnly? ReadDate(string fileName, ReadOnlySpan<byte> content)
    {
        var end = content.IndexOf((byte)'\n');
        var first = end < 0 ? content : content[..end];
        if (first.Length > 512 || !System.Text.Unicode.Utf8.IsValid(first))
        {
            return null;
        }

        var line = Encoding.UTF8.GetString(first).TrimStart('\uFEFF');
        return HeaderParser.TryParse(line, out var header, out _) ? header.Date : null;
    }
}
