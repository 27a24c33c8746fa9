using Etl.Core.Generation;

namespace Etl.Integration.Tests.Infrastructure;

/// <summary>A corpus from the project's generator in a test's own folder.</summary>
internal static class GeneratedCorpus
{
    /// <returns>Its files in path order, the order tests load them one at a time in.</returns>
    public static string[] Write(string folder, GeneratorOptions options)
    {
        CorpusWriter.Write(folder, options);
        return [.. Directory.GetFiles(folder, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
    }
}
