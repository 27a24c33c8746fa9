using Etl.Core.Model;

namespace Etl.Core.Parsing;

/// <summary>
/// The identity of every record line of a snapshot, without parsing it: the line number and the sha256 that
/// <see cref="SnapshotRecord.Sha256"/> gives the same line (the same line splitting, <see cref="JsonLines"/>).
/// A load hashes a snapshot's lines first to learn which records it already holds, then stores only the others.
/// </summary>
public static class SnapshotLines
{
    /// <param name="text">The snapshot's (decompressed) bytes from the start.</param>
    /// <param name="onLine">Called with each non-blank line's number and sha256, in order.</param>
    /// <returns>How many non-blank lines there were.</returns>
    public static int Hash(Stream text, Action<int, byte[]> onLine)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        var lines = new JsonLines();
        var count = 0;
        foreach (var piece in BytePieces.Split(text, SourceFormats.PieceSize))
        {
            var content = piece.Span;
            while (lines.NextNonBlank(ref content, out var number, out var line))
            {
                onLine(number, SnapshotRecordReader.Sha256Of(line));
                count++;
            }
        }

        return count;
    }
}
