using System.Security.Cryptography;
using Etl.Core.Generation;
using Etl.Tests;

namespace Etl.Integration.Tests.Infrastructure;

/// <summary>Digest files for the service tests: the shared seeds when present, plus generated files.</summary>
internal static class ServiceCorpus
{
    /// <summary>Writes <paramref name="generated"/> generated digests (and the seeds) under <paramref name="folder"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(string folder, int generated, bool withSeeds, int seed = 11)
    {
        var scratch = Directory.CreateTempSubdirectory("etl-service-corpus-").FullName;
        try
        {
            CorpusWriter.Write(scratch, new GeneratorOptions { Papers = generated * 2, Seed = seed });
            var files = Directory.GetFiles(scratch, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(generated).ToList();
            if (files.Count < generated)
            {
                throw new InvalidOperationException($"the generator wrote {files.Count} files, fewer than the {generated} the test needs");
            }

            var written = new List<string>();
            Directory.CreateDirectory(folder);
            foreach (var file in files)
            {
                // Flat names: category and date say where each came from.
                var target = Path.Combine(folder, Path.GetRelativePath(scratch, file).Replace(Path.DirectorySeparatorChar, '_'));
                File.Copy(file, target);
                written.Add(target);
            }

            if (withSeeds && SharedSamples.Available)
            {
                foreach (var file in SharedSamples.Files("seeds"))
                {
                    var target = Path.Combine(folder, "seed_" + Path.GetFileName(file));
                    File.Copy(file, target);
                    written.Add(target);
                }
            }

            return written;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    public static int DistinctContents(IEnumerable<string> files) =>
        files.Select(file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Copies files into the inbox the way a sync tool does: written under a temporary name, then renamed.</summary>
    public static void Drop(IEnumerable<string> files, string inbox)
    {
        foreach (var file in files)
        {
            var target = Path.Combine(inbox, Path.GetFileName(file));
            File.Copy(file, target + ".partial");
            File.Move(target + ".partial", target);
        }
    }
}
