using System.Security.Cryptography;
using Etl.Core.Model;

namespace Etl.Data.Discovery;

/// <summary>
/// Turns the paths a user gives into the files to load: files as given, directories walked recursively
/// (not through symbolic links to directories) for the source formats' extensions (<c>*.md</c>, <c>*.txt</c>,
/// <c>*.jsonl</c>, <c>*.json</c>, <c>*.json.gz</c>, <c>*.zip</c>), in ordinal path order so runs are reproducible. Each file is hashed
/// here, so a content already in the warehouse is skipped before it is parsed.
/// </summary>
public static class DigestFileFinder
{

    /// <exception cref="FileNotFoundException">A path is neither a file nor a directory.</exception>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var found = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                found.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                found.AddRange(Walk(path)
                    .Where(SourceFormats.IsWalkedFor)
                    .Select(Path.GetFullPath)
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                throw new FileNotFoundException($"'{path}' is neither a file nor a directory; give digest files or folders that contain *.md or *.txt digests, *.jsonl listings or *.json snapshots", path);
            }
        }

        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Every file under a folder. Symbolic links to folders are not followed, so a link that points back up
    /// the tree cannot make the walk endless; symbolic links to files are taken like files.
    /// </summary>
    private static IEnumerable<string> Walk(string root)
    {
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(root)]);
        var options = new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0 };
        while (pending.TryPop(out var directory))
        {
            foreach (var entry in directory.EnumerateFileSystemInfos("*", options))
            {
                if (entry is not DirectoryInfo subdirectory)
                {
                    yield return entry.FullName;
                }
                else if (subdirectory.LinkTarget is null)
                {
                    pending.Push(subdirectory);
                }
            }
        }
    }

    /// <summary>Hashes a file's content and reads the date it names: header date or listing date (for ordering a backfill).</summary>
    public static DigestFile Describe(string path, ReadOnlySpan<byte> content) =>
        new(path, content.Length, SHA256.HashData(content), SourceFormats.ReadDate(path, content), SourceFormats.IsSnapshot(path, content));

    /// <summary>
    /// Hashes a file as a stream and reads the date its header names from its first bytes, so memory does
    /// not grow with the file; errors say which file could not be read.
    /// </summary>
    public static DigestFile Describe(string path)
    {
        try
        {
            var head = FileHead.Read(path);
            using var stream = File.OpenRead(path);
            return new DigestFile(path, stream.Length, SHA256.HashData(stream), SourceFormats.ReadDate(path, head), SourceFormats.IsSnapshot(path, head));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot read {path}: {exception.Message}; check that the file exists and is readable, then run the load again (loaded files are skipped)", exception);
        }
    }

    public static byte[] Read(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot read {path}: {exception.Message}; check that the file exists and is readable, then run the load again (loaded files are skipped)", exception);
        }
    }
}
