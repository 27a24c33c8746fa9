namespace Etl.Core.Parsing;

/// <summary>
/// Cuts a digest's text into pieces that end just before a line starting with <c>### </c>, so each piece holds
/// whole entries and can be parsed alone; a piece is about <c>pieceChars</c> long, longer only when one entry is.
/// </summary>
internal static class TextPieces
{
    /// <returns>Each piece with the number of lines before it in the whole text; pieces after the first end with a line feed or the text.</returns>
    public static IEnumerable<(int LinesBefore, ReadOnlyMemory<char> Text)> Split(TextReader reader, int pieceChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pieceChars, 8);
        var buffer = new char[pieceChars];
        var length = 0;
        var linesBefore = 0;
        var end = false;
        while (true)
        {
            while (!end && length < buffer.Length)
            {
                var read = reader.Read(buffer, length, buffer.Length - length);
                end = read == 0;
                length += read;
            }

            if (length == 0)
            {
                yield break;
            }

            // Cut after the line feed of the last "\n### " in the buffer; with none, the entry is longer than the buffer.
            var cut = end ? length : buffer.AsSpan(0, length).LastIndexOf("\n### ", StringComparison.Ordinal) + 1;
            if (cut == 0)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
                continue;
            }

            // A copy: the buffer is refilled while the parsed entries may still be compared against their text.
            var piece = new string(buffer, 0, cut);
            yield return (linesBefore, piece.AsMemory());
            linesBefore += piece.AsSpan().Count('\n');
            buffer.AsSpan(cut, length - cut).CopyTo(buffer);
            length -= cut;
        }
    }
}
