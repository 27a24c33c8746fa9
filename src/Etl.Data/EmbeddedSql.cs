using System.Collections.Concurrent;
using System.Reflection;

namespace Etl.Data;

/// <summary>
/// Reads the files of <c>sql/</c> that an assembly embeds, so what runs is exactly what the repository
/// shows (and reviewers read SQL as SQL, not as C# strings).
/// </summary>
public static class EmbeddedSql
{
    private static readonly ConcurrentDictionary<(Assembly, string), string> Cache = new();

    /// <param name="assembly">The assembly that embeds the file.</param>
    /// <param name="path">Its repository path, e.g. <c>sql/load/apply_papers.sql</c>.</param>
    public static string Read(Assembly assembly, string path)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return Cache.GetOrAdd((assembly, path), static key =>
        {
            var (owner, name) = key;
            using var stream = owner.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"SQL script '{name}' is not embedded in {owner.GetName().Name}; check the EmbeddedResource items of its project file");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        });
    }

    /// <summary>A script of this assembly (<c>sql/load</c>).</summary>
    internal static string Load(string name) => Read(typeof(EmbeddedSql).Assembly, $"sql/load/{name}.sql");

    /// <summary>A script of this assembly (<c>sql/export</c>).</summary>
    internal static string Export(string name) => Read(typeof(EmbeddedSql).Assembly, $"sql/export/{name}.sql");
}
