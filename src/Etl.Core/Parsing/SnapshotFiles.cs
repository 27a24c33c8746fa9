using System.IO.Compression;
using Etl.Core.Model;

namespace Etl.Core.Parsing;

/// <summary>Snapshots as Cornell publishes them: plain JSON lines, gzip-compressed, or the one file of a zip archive.</summary>
public static class SnapshotFiles
{
    /// <summary>Whether a file of this name is stored compressed, so its bytes must go through <see cref="Decompress"/>.</summary>
    public static bool IsCompressed(string fileName) =>
        fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The JSON lines of a compressed snapshot: a gzip stream, or the one file a zip archive holds (read in place,
    /// never unpacked to disk). <paramref name="raw"/> must be seekable for a zip (its directory is at its end).
    /// </summary>
    /// <exception cref="InvalidDataException">Not valid gzip or zip, or a zip that does not hold exactly one file.</exception>
    public static Stream Decompress(string fileName, Stream raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return new GZipStream(raw, CompressionMode.Decompress, leaveOpen: false);
        }

        var archive = new ZipArchive(raw, ZipArchiveMode.Read, leaveOpen: false);
        var files = archive.Entries.Where(entry => !entry.FullName.EndsWith('/')).ToList();
        if (files.Count != 1)
        {
            archive.Dispose();
            throw new InvalidDataException($"the zip archive holds {files.Count} files; it must hold exactly one snapshot file");
        }

        return new OwningStream(files[0].Open(), archive);
    }

    /// <summary>The file rejection for bytes that cannot be decompressed.</summary>
    public static ParsedDigest NotDecompressible(InvalidDataException exception) =>
        ParsedDigest.NotADigest($"line 1: not a snapshot: the file cannot be decompressed ({exception.Message}); {SnapshotParser.Expected}");

    /// <summary>A decompressed stream that disposes the archive it was opened from.</summary>
    private sealed class OwningStream(Stream inner, IDisposable owner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                owner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
