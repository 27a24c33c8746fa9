using Etl.Core.Model;

namespace Etl.Service.Inbox;

/// <summary>Which files in an inbox are digests to pick up (pure: names only).</summary>
public static class InboxPaths
{
    /// <summary>
    /// Digests, listings and snapshots are the files folders are walked for (<see cref="SourceFormats.IsWalkedFor"/>). Files still being written by the usual tools are not:
    /// <c>*.tmp</c> and <c>*.partial</c> (curl, browsers, scrapers), and dot-files (rsync's <c>.name.XXXXXX</c>).
    /// Anything under <paramref name="excluded"/> (an archive or quarantine inside the inbox) is ours already.
    /// </summary>
    public static bool IsCandidate(string path, IEnumerable<string> excluded)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(excluded);
        var name = Path.GetFileName(path);
        return name.Length > 0
            && !name.StartsWith('.')
            && SourceFormats.IsWalkedFor(name)
            && !name.EndsWith(".reason.txt", StringComparison.OrdinalIgnoreCase)
            && !excluded.Any(folder => IsUnder(path, folder));
    }

    public static bool IsUnder(string path, string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(root, StringComparison.Ordinal);
    }
}
