using System.Collections.Concurrent;
using Etl.Data.Discovery;

namespace Etl.Service.Inbox;

/// <summary>
/// Lists the inbox folders and hashes the files that are complete: untouched (same size and modification
/// time) for <see cref="ServiceOptions.StableFor"/>, and unchanged while they were read. Hashes are cached
/// per (path, size, mtime), so files left in place (no archive) are not read again on every scan.
/// </summary>
public sealed class InboxScanner(ServiceOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (DigestFile File, DateTime Modified)> _known = new(StringComparer.Ordinal);

    public InboxScan Scan()
    {
        var excluded = new[] { options.Archive, options.Quarantine }.OfType<string>().ToArray();
        var ready = new List<DigestFile>();
        var changing = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in options.Inbox.Where(Directory.Exists).SelectMany(Walk).Where(path => InboxPaths.IsCandidate(path, excluded)))
        {
            var before = new FileInfo(path);
            if (!before.Exists)
            {
                continue;
            }

            seen.Add(path);
            if (now - before.LastWriteTimeUtc < options.StableFor)
            {
                changing++;
                continue;
            }

            if (_known.TryGetValue(path, out var cached) && cached.File.Bytes == before.Length && cached.Modified == before.LastWriteTimeUtc)
            {
                ready.Add(cached.File);
                continue;
            }

            if (Describe(path, before) is { } file)
            {
                _known[path] = (file, before.LastWriteTimeUtc);
                ready.Add(file);
            }
            else
            {
                changing++;
            }
        }

        foreach (var gone in _known.Keys.Where(path => !seen.Contains(path)))
        {
            _known.TryRemove(gone, out _);
        }

        return new InboxScan(ready, changing);
    }

    /// <summary>Hashes a file, or null when it changed or vanished while being read (another process moved it, or a writer is still at it).</summary>
    private static DigestFile? Describe(string path, FileInfo before)
    {
        try
        {
            var content = File.ReadAllBytes(path);
            var after = new FileInfo(path);
            return after.Exists && after.Length == before.Length && after.LastWriteTimeUtc == before.LastWriteTimeUtc && content.Length == before.Length
                ? DigestFileFinder.Describe(path, content)
                : null;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Walk(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal);
}
