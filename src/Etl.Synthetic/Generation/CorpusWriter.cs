using System.Text;

namespace Etl.Core.Generation;

/// <summary>Writes a generated corpus to disk, one file at a time (UTF-8 without BOM, LF line ends).</summary>
public static class CorpusWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Writes every file of <see cref="CorpusGenerator.Generate"/> under <paramref name="directory"/>, creating
    /// folders as needed and overwriting files of the same name (other files are left alone).
    /// </summary>
    public static CorpusSummary Write(string directory, GeneratorOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(options);

        var root = Path.GetFullPath(directory);
        var created = new HashSet<string>(StringComparer.Ordinal);
        var files = 0;
        var bytes = 0L;
        var papers = 0;
        foreach (var file in CorpusGenerator.Generate(options))
        {
            var path = Path.GetFullPath(Path.Combine(root, file.RelativePath.Replace('/', Path.DirectorySeparatorChar)));
            var folder = Path.GetDirectoryName(path)!;
            if (created.Add(folder))
            {
                Directory.CreateDirectory(folder);
            }

            var data = Utf8NoBom.GetBytes(file.Content);
            File.WriteAllBytes(path, data);
            files++;
            bytes += data.Length;
            papers += file.NewPapers;
        }

        return new CorpusSummary(files, bytes, papers);
    }
}
