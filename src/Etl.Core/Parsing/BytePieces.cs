namespace Etl.Core.Parsing;

/// <summary>Cuts a stream into pieces of whole lines (each ends with a line feed, the last one with the stream).</summary>
internal static class BytePieces
{
    /// <returns>Each piece, valid until the next one is asked for (the buffer is reused).</returns>
    public static IEnumerable<ReadOnlyMemory<byte>> Split(Stream content, int pieceBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pieceBytes, 8);
        var buffer = new byte[pieceBytes];
        var length = 0;
        var end = false;
        while (true)
        {
            while (!end && length < buffer.Length)
            {
                var read = content.Read(buffer, length, buffer.Length - length);
                end = read == 0;
                length += read;
            }

            if (length == 0)
            {
                yield break;
            }

            var cut = end ? length : buffer.AsSpan(0, length).LastIndexOf((byte)'\n') + 1;
            if (cut == 0)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
                continue;
            }

            yield return buffer.AsMemory(0, cut);
            buffer.AsSpan(cut, length - cut).CopyTo(buffer);
            length -= cut;
        }
    }
}
