using System.Security.Cryptography;
using Etl.Core.Model;
using Etl.Core.Parsing;

namespace Etl.Data.Loading;

/// <summary>
/// Reads a file again at load time and parses it, if it still is the content that was hashed when the
/// files were discovered. A file deleted, made unreadable or changed in between gets a reason instead,
/// so the caller can skip it without touching the other files. Entries are handed on one by one and never
/// collected, and a file larger than <see cref="StreamAboveBytes"/> is streamed, so memory does not grow
/// with the file.
/// </summary>
internal static class DigestReader
{
    /// <summary>
    /// By default (<see cref="LoaderOptions.StreamAboveBytes"/>), files up to this size (a daily listing is a
    /// few MB) are parsed whole, about 7 times their size in memory; larger ones are read twice more, as
    /// streams: once to check the whole-file rules and the hash, once to parse.
    /// </summary>
    public const long StreamAboveBytes = 16L << 20;

    private const int ReadBuffer = 1 << 20;

    /// <param name="path">The file.</param>
    /// <param name="sha256">Its content's hash when it was discovered.</param>
    /// <param name="streamed">Stream it (the caller compares its size with <see cref="LoaderOptions.StreamAboveBytes"/>) rather than read it whole.</param>
    /// <param name="onEntry">Called with each entry of the file, in order, before this returns.</param>
    /// <returns>
    /// The parsed file without its entries and how many were handed on, or (null, 0, why it cannot be loaded now),
    /// in which case no entry was handed on.
    /// </returns>
    /// <exception cref="StreamedFileChangedException">
    /// A streamed file changed, or could no longer be read, after its entries started flowing: they cannot
    /// be taken back, so the caller's transaction must roll back.
    /// </exception>
    public static (ParsedDigest? Parsed, int Entries, string? Problem) ReadAndParse(string path, byte[] sha256, bool streamed, Action<DigestEntry> onEntry) =>
        streamed ? Stream(path, sha256, onEntry) : Whole(path, sha256, onEntry);

    private static (ParsedDigest?, int, string?) Whole(string path, byte[] sha256, Action<DigestEntry> onEntry)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, 0, CannotRead(exception));
        }

        if (!SHA256.HashData(content).AsSpan().SequenceEqual(sha256))
        {
            return (null, 0, Changed);
        }

        var parsed = SourceFormats.Parse(path, content);
        foreach (var entry in parsed.Entries)
        {
            onEntry(entry);
        }

        return (parsed with { Entries = [] }, parsed.Entries.Count, null);
    }

    private static (ParsedDigest?, int, string?) Stream(string path, byte[] sha256, Action<DigestEntry> onEntry)
    {
        ContentScan scan;
        FileStream file;
        try
        {
            // First pass: the whole-file rules (invalid UTF-8 anywhere rejects the file) must be known before any entry flows.
            if (Scan(path, sha256) is not { } scanned)
            {
                return (null, 0, Changed);
            }

            scan = scanned;
            file = File.OpenRead(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, 0, CannotRead(exception));
        }

        // Second pass: parse what is hashed, so a file changed since the first pass is caught at its end.
        using var sha = SHA256.Create();
        using var hashed = new CryptoStream(file, sha, CryptoStreamMode.Read);
        var entries = 0;
        ParsedDigest parsed;
        try
        {
            parsed = SourceFormats.Parse(path, hashed, scan, entry =>
            {
                entries++;
                onEntry(entry);
            });
            hashed.CopyTo(System.IO.Stream.Null); // a rejected file stops being parsed early; the hash covers all of it
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StreamedFileChangedException(path, $"{CannotRead(exception)}; it failed after {entries:#,0} of its entries were read, so nothing of it was loaded", exception);
        }

        if (!sha.Hash.AsSpan().SequenceEqual(sha256))
        {
            throw new StreamedFileChangedException(path, $"it changed while it was being loaded, after {entries:#,0} of its entries were read, so nothing of it was loaded (is it still being written?); run the load again once the file is complete", innerException: null);
        }

        return (parsed, entries, null);
    }

    /// <returns>The file's whole-file facts, or null when its content is no longer the one hashed.</returns>
    private static ContentScan? Scan(string path, byte[] sha256)
    {
        var scan = new ContentScan();
        using var file = File.OpenRead(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ReadBuffer];
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            scan.Append(buffer.AsSpan(0, read));
        }

        scan.Complete();
        return hash.GetHashAndReset().AsSpan().SequenceEqual(sha256) ? scan : null;
    }

    private static string CannotRead(Exception exception) =>
        $"cannot read it ({exception.Message}); check that it exists and is readable, then run the load again (loaded files are skipped)";

    private const string Changed = "it changed after it was hashed (is it still being written?); run the load again once the file is complete";
}
