using Etl.Core.Model;
using Etl.Core.Parsing;

namespace Etl.Data.Discovery;

/// <summary>
/// The first bytes of a file's text (decompressed for a compressed snapshot), through its first non-blank line:
/// what decides a <c>.jsonl</c> file's format and holds a digest's or snapshot's date. A snapshot's first record
/// can be long (thousands of authors), so the head is read up to the line's end, never beyond <see cref="MaxBytes"/>.
/// </summary>
public static class FileHead
{
    /// <summary>The most read: longer than any real first record.</summary>
    public const int MaxBytes = 16 << 20;

    private const int Chunk = 64 << 10;

    /// <exception cref="IOException">The file cannot be read.</exception>
    public static byte[] Read(string path)
    {
        using var file = File.OpenRead(path);
        try
        {
            using var text = SnapshotFiles.IsCompressed(path) ? SnapshotFiles.Decompress(path, file) : null;
            return Read(text ?? file);
        }
        catch (InvalidDataException)
        {
            return []; // not decompressible: the parser says so when the file is loaded
        }
    }

    /// <summary>Reads <paramref name="content"/> from where it is through its first non-blank line.</summary>
    public static byte[] Read(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var buffer = new byte[Chunk];
        var length = 0;
        while (length < MaxBytes)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBytes));
            }

            var read = content.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }

            var searchFrom = length;
            length += read;
            if (HasNonBlankLine(buffer.AsSpan(0, length), searchFrom))
            {
                break;
            }
        }

        return buffer[..length];
    }

    private static bool HasNonBlankLine(ReadOnlySpan<byte> bytes, int searchFrom)
    {
        var end = bytes.LastIndexOf((byte)'\n');
        return end >= searchFrom - 1 && end >= 0 && !bytes[..end].Trim(" \t\r\n\uFEFF"u8).IsEmpty;
    }
}
