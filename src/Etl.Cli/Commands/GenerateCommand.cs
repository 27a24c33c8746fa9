using Etl.Core.Generation;

namespace Etl.Cli.Commands;

/// <summary><c>etl generate</c>: write a deterministic synthetic corpus (the shipped samples are one).</summary>
internal static class GenerateCommand
{
    public static int Run(CliArguments args)
    {
        var directory = args.Value("--out") ?? throw new UsageException("generate needs --out DIR");
        var options = new GeneratorOptions
        {
            Papers = args.Int("--papers", 40),
            Seed = args.Int("--seed", 42),
            IncludeBadEntries = args.Has("--bad-entries"),
        };
        var summary = CorpusWriter.Write(directory, options);
        Console.WriteLine($"Wrote {summary.Files} files ({summary.Bytes / 1024.0:N0} KB) about {summary.Papers} papers to {directory}");
        return ExitCodes.Ok;
    }
}
