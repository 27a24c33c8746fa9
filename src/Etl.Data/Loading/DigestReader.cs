using System.Security.Cryptography;
using Etl.Core.Model;
using Etl.Core.Parsing;

namespace Etl.Data.Loading;

/// <summary>
/// Reads a file again at load time and parses it, if it still is the content that was hashed when the
/// files were discovered. A file deleted, made unreadable or changed in between gets a reason instead,
/// so the caller can skip it without touching the other files.
/// </summary>
internal static class DigestReader
{
    /// <returns>The parsed file, or (null, why it cannot be loaded now).</returns>
    public static (ParsedDigest? Parsed, string? Problem) ReadAndParse(string path, long bytes, byte[] sha256)
    {
        if (bytes > DigestParser.MaxBytes)
        {
            return (DigestParser.TooLarge(bytes), null);
        }

        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read it ({exception.Message}); check that it exists and is readable, then run the load again (loaded files are skipped)");
        }

        return SHA256.HashData(content).AsSpan().SequenceEqual(sha256)
            ? (SourceFormats.Parse(path, content), null)
            : (null, "it changed after it was hashed (is it still being written?); run the load again once the file is complete");
    }
}
