using System.Text;
using Etl.Core.Generation;

namespace Etl.Bench;

/// <summary>The benchmark's daily files (<see cref="CorpusGenerator.DailyFile"/>), written to the work folder as they are loaded.</summary>
internal sealed class DailyFiles(string work)
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(work, "daily")).FullName;

    /// <summary>The first index no run has written yet (a full run writes 0 to 39 into a fresh warehouse).</summary>
    public int Next => Directory.GetFiles(_folder, "*.md").Length;

    public string Write(int index)
    {
        var file = CorpusGenerator.DailyFile(new GeneratorOptions { Papers = 200_000, Seed = 42 }, 100, index);
        var path = Path.Combine(_folder, $"{index:D3}.md");
        File.WriteAllText(path, file.Content, new UTF8Encoding(false));
        return path;
    }
}
