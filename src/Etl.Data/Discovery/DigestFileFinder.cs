using System.Security.Cryptography;
using Etl.Core.Model;

namespace Etl.Data.Discovery;

/// <summary>
/// Turns the paths a user gives into the files to load: files as given, directories walked recursively
/// for the source formats' extensions (<c>*.md</c>, <c>*.txt</c>, <c>*.jsonl</c>), in ordinal path order so runs are reproducible. Each file is hashed
/// here, so a content already in the warehouse is skipped before it is parsed.
/// </summary>
public static class DigestFileFinder
{
    /// <summary>What folders are walked for: every source format's extensions (<see cref="SourceFormats"/>).</summary>
    public static readonly string[] Extensions = [.. SourceFormats.Extensions];

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
                found.AddRange(Directory
                    .EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 })
                    .Where(file => Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                    .Select(Path.GetFullPath)
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                throw new FileNotFoundException($"'{path}' is neither a file nor a directory; give digest files or folders that contain *.md or *.txt digests or *.jsonl listings", path);
            }
        }

        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Hashes a file's content and reads the date it names: header date or listing date (for ordering a backfill).</summary>
    public static DigestFile Describe(string path, ReadOnlySpan<byte> content) =>
        new(path, content.Length, SHA256.HashData(content), SourceFormats.ReadDate(path, content));

    /// <summary>Reads a file and describes it; errors say which file could not be read.</summary>
    public static DigestFile Describe(string path) => Describe(path, Read(path));

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
