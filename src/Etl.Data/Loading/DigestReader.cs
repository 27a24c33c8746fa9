using System.Security.Cryptography;
using Etl.Data.Discovery;
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
    /// <param name="parsesLine">
    /// For a snapshot: the record lines to parse (<see cref="HeldRecords.Parses"/>), called with each non-blank line's
    /// number in order; the others give no entry. A snapshot read this way is always streamed.
    /// </param>
    /// <returns>
    /// The parsed file without its entries and how many were handed on, or (null, 0, why it cannot be loaded now),
    /// in which case no entry was handed on.
    /// </returns>
    /// <exception cref="StreamedFileChangedException">
    /// A streamed file changed, or could no longer be read, after its entries started flowing: they cannot
    /// be taken back, so the caller's transaction must roll back.
    /// </exception>
    public static (ParsedDigest? Parsed, int Entries, string? Problem) ReadAndParse(
        string path, byte[] sha256, bool streamed, Action<DigestEntry> onEntry, Func<int, bool>? parsesLine = null) =>
        streamed || SnapshotFiles.IsCompressed(path) || parsesLine is not null ? Stream(path, sha256, onEntry, parsesLine) : Whole(path, sha256, onEntry);

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

    private static (ParsedDigest?, int, string?) Stream(string path, byte[] sha256, Action<DigestEntry> onEntry, Func<int, bool>? parsesLine)
    {
        ContentScan scan;
        byte[] head;
        try
        {
            // First pass: the whole-file rules (invalid UTF-8 anywhere rejects the file) must be known before any entry flows.
            if (Scan(path, sha256) is not { } scanned)
            {
                return (null, 0, Changed);
            }

            scan = scanned;
            head = FileHead.Read(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, 0, CannotRead(exception));
        }
        catch (InvalidDataException exception)
        {
            return (SnapshotFiles.NotDecompressible(exception), 0, null);
        }

        // Second pass: parse what is hashed, so a file changed since the first pass is caught at its end.
        var entries = 0;
        ParsedDigest parsed;
        byte[]? hash;
        try
        {
            using var content = HashedContent.Open(path);
            void Count(DigestEntry entry)
            {
                entries++;
                onEntry(entry);
            }

            parsed = parsesLine is null
                ? SourceFormats.Parse(path, content.Text, scan, Count, head)
                : SourceFormats.ParseSnapshot(content.Text, scan, parsesLine, Count);
            hash = content.Finish();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new StreamedFileChangedException(path, $"{CannotRead(exception)}; it failed after {entries:#,0} of its entries were read, so nothing of it was loaded", exception);
        }

        if (!hash.AsSpan().SequenceEqual(sha256))
        {
            throw new StreamedFileChangedException(path, $"it changed while it was being loaded, after {entries:#,0} of its entries were read, so nothing of it was loaded (is it still being written?); run the load again once the file is complete", innerException: null);
        }

        return (parsed, entries, null);
    }

    /// <returns>The file's whole-file facts, or null when its content is no longer the one hashed.</returns>
    /// <exception cref="InvalidDataException">A compressed file that cannot be decompressed.</exception>
    private static ContentScan? Scan(string path, byte[] sha256)
    {
        var scan = new ContentScan();
        var buffer = new byte[ReadBuffer];
        using (var content = HashedContent.Open(path))
        {
            int read;
            while ((read = content.Text.Read(buffer)) > 0)
            {
                scan.Append(buffer.AsSpan(0, read));
            }

            scan.Complete();
            return content.Finish().AsSpan().SequenceEqual(sha256) ? scan : null;
        }
    }

    /// <summary>
    /// Every non-blank line of a snapshot file with the sha256 that identifies its record
    /// (<see cref="SnapshotLines"/>), read without parsing, so the load can tell new records from those it holds.
    /// </summary>
    /// <returns>Null when the file is not the content that was hashed; else the number of non-blank lines.</returns>
    public static int? ReadRecordLines(string path, byte[] sha256, Action<int, byte[]> onLine)
    {
        using var content = HashedContent.Open(path);
        var lines = SnapshotLines.Hash(content.Text, onLine);
        return content.Finish().AsSpan().SequenceEqual(sha256) ? lines : null;
    }

    public static string CannotRead(Exception exception) =>
        $"cannot read it ({exception.Message}); check that it exists and is readable, then run the load again (loaded files are skipped)";

    public const string Changed = "it changed after it was hashed (is it still being written?); run the load again once the file is complete";
}
