using System.Security.Cryptography;

namespace Etl.Data.Loading;

/// <summary>
/// Finds the bytes of stored file contents again: at the path they were first loaded from when the file
/// there still has the same sha256, else anywhere under the search folders (e.g. the service's archive),
/// where files are matched by sha256. Only files whose size matches a wanted content are hashed.
/// </summary>
public sealed class ContentLocator(IReadOnlyList<string> searchFolders)
{
    /// <summary>The path of each content that was found; the others are not in the result.</summary>
    public Dictionary<long, string> Locate(IReadOnlyList<StoredContent> contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var found = new Dictionary<long, string>();
        var unresolved = new List<StoredContent>();
        foreach (var content in contents)
        {
            if (HasContent(content.Path, content.Bytes, content.Sha256))
            {
                found[content.DigestId] = content.Path;
            }
            else
            {
                unresolved.Add(content);
            }
        }

        if (unresolved.Count == 0 || searchFolders.Count == 0)
        {
            return found;
        }

        var wantedSizes = unresolved.Select(content => content.Bytes).ToHashSet();
        var bySha = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in searchFolders.SelectMany(Walk))
        {
            if (wantedSizes.Contains(file.Length) && TryHash(file.FullName) is { } sha)
            {
                bySha.TryAdd(Convert.ToHexStringLower(sha), file.FullName);
            }
        }

        foreach (var content in unresolved)
        {
            if (bySha.TryGetValue(Convert.ToHexStringLower(content.Sha256), out var path))
            {
                found[content.DigestId] = path;
            }
        }

        return found;
    }

    private static bool HasContent(string path, long bytes, byte[] sha256)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length == bytes && TryHash(path) is { } sha && sha.AsSpan().SequenceEqual(sha256);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    private static byte[]? TryHash(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return SHA256.HashData(stream);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Every file under a folder; unreadable folders are skipped and symlinked folders are not followed (no loops).</summary>
    private static IEnumerable<FileInfo> Walk(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
        });
}
