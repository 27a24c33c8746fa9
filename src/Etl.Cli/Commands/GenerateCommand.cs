using System.CommandLine;
using Etl.Core.Generation;

namespace Etl.Cli.Commands;

/// <summary><c>etl generate</c>: write a deterministic synthetic corpus (the shipped samples are one).</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The folder to write the corpus to", HelpName = "DIR", Required = true };
        var papers = PositiveInt.Option("--papers", "How many papers (default 40)");
        var seed = PositiveInt.Option("--seed", "Seed of the generator: the same seed gives the same files (default 42)");
        var badEntries = new Option<bool>("--bad-entries") { Description = "Also write entries and files the loader must reject" };
        var command = new Command("generate", "Write a synthetic corpus of digests; samples/ is --papers 40 --seed 42") { output, papers, seed, badEntries };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(output), parsed.GetValue(papers) ?? 40, parsed.GetValue(seed) ?? 42, parsed.GetValue(badEntries)));
        return command;
    }

    public static int Run(string directory, int papers, int seed, bool badEntries)
    {
        var options = new GeneratorOptions { Papers = papers, Seed = seed, IncludeBadEntries = badEntries };
        var summary = CorpusWriter.Write(directory, options);
        Console.WriteLine($"Wrote {summary.Files} files ({summary.Bytes / 1024.0:N0} KB) about {summary.Papers} papers to {directory}");
        return ExitCodes.Ok;
    }
}
