using System.Security.Cryptography;
using Etl.Core.Parsing;

namespace Etl.Data.Loading;

/// <summary>
/// A file's text as it is read (decompressed for a compressed snapshot), with the sha256 of the file's own bytes
/// taken on the way, so one pass both reads and checks that the file is still the content that was hashed.
/// A zip archive's directory is at its end, so it is read in place and hashed again once read.
/// </summary>
internal sealed class HashedContent : IDisposable
{
    private readonly string _path;
    private readonly HashAlgorithm? _sha;
    private readonly bool _rehash;

    private HashedContent(string path, Stream text, HashAlgorithm? sha, bool rehash)
    {
        _path = path;
        Text = text;
        _sha = sha;
        _rehash = rehash;
    }

    /// <summary>The text to read, from its start.</summary>
    public Stream Text { get; }

    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="InvalidDataException">A zip archive that cannot be read or does not hold one file.</exception>
    public static HashedContent Open(string path)
    {
        var file = File.OpenRead(path);
        try
        {
            if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                return new HashedContent(path, SnapshotFiles.Decompress(path, file), null, rehash: true);
            }

            var sha = SHA256.Create();
            Stream hashed = new CryptoStream(file, sha, CryptoStreamMode.Read);
            return new HashedContent(path, SnapshotFiles.IsCompressed(path) ? SnapshotFiles.Decompress(path, hashed) : hashed, sha, rehash: false);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads what is left of the file and returns the sha256 of all its bytes.</summary>
    public byte[] Finish()
    {
        if (_rehash)
        {
            using var file = File.OpenRead(_path);
            return SHA256.HashData(file);
        }

        // A rejected file stops being parsed early, and a gzip stream can end before its file does: the hash covers all of it.
        Text.CopyTo(Stream.Null);
        var inner = Text as CryptoStream ?? (Text as System.IO.Compression.GZipStream)!.BaseStream as CryptoStream;
        inner!.CopyTo(Stream.Null);
        return _sha!.Hash!;
    }

    public void Dispose()
    {
        Text.Dispose();
        _sha?.Dispose();
    }
}
