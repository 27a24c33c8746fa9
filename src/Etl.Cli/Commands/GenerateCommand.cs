using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Etl.Core.Generation;

namespace Etl.Cli.Commands;

/// <summary>
/// <c>etl generate</c>: write a deterministic synthetic corpus (the shipped samples are one), or with
/// <c>--snapshot-records</c> the benchmark's big metadata snapshot and its refresh.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The folder to write the corpus to", HelpName = "DIR", Required = true };
        var papers = PositiveInt.Option("--papers", "How many papers (default 40)");
        var seed = PositiveInt.Option("--seed", "Seed of the generator: the same seed gives the same files (default 42)");
        var badEntries = new Option<bool>("--bad-entries") { Description = "Also write entries and files the loader must reject (malformed snapshot lines too, with --snapshots)" };
        var snapshots = new Option<bool>("--snapshots")
        {
            Description = "Also write two arXiv metadata snapshots of the corpus's papers and of older snapshot-only ones: "
                + "snapshot/arxiv-metadata-oai-snapshot.json and an older snapshot/YYYY-older/arxiv-metadata-oai-snapshot.json",
        };
        var snapshotRecords = PositiveInt.Option(
            "--snapshot-records",
            "Instead of a corpus, write the benchmark's snapshot: DIR/arxiv-metadata-oai-snapshot.json of N records (about 1.65 KB each) "
                + "and DIR/refresh/arxiv-metadata-oai-snapshot.json, the same lines but 1% changed and 1% new records");
        var command = new Command("generate", "Write a synthetic corpus of digests and listings (samples/ is --papers 40 --seed 42), or the benchmark's metadata snapshot")
        {
            output, papers, seed, badEntries, snapshots, snapshotRecords,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(snapshotRecords) is not null
                && (result.GetResult(papers) is not null || result.GetResult(badEntries) is not null || result.GetResult(snapshots) is not null))
            {
                result.AddError("--snapshot-records writes the benchmark's snapshot alone; it takes only --out and --seed");
            }

            if (result.GetValue(snapshotRecords) > SnapshotOptions.MaxRecords)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--snapshot-records must be at most {SnapshotOptions.MaxRecords:N0}"));
            }
        });
        command.SetAction(parsed => parsed.GetValue(snapshotRecords) is { } records
            ? RunSnapshot(parsed.GetRequiredValue(output), records, parsed.GetValue(seed) ?? 42)
            : Run(parsed.GetRequiredValue(output), parsed.GetValue(papers) ?? 40, parsed.GetValue(seed) ?? 42, parsed.GetValue(badEntries), parsed.GetValue(snapshots)));
        return command;
    }

    public static int Run(string directory, int papers, int seed, bool badEntries, bool snapshots)
    {
        var options = new GeneratorOptions { Papers = papers, Seed = seed, IncludeBadEntries = badEntries, Snapshots = snapshots };
        var summary = CorpusWriter.Write(directory, options);
        Console.WriteLine($"Wrote {summary.Files} files ({summary.Bytes / 1024.0:N0} KB) about {summary.Papers} papers to {directory}");
        return ExitCodes.Ok;
    }

    public static int RunSnapshot(string directory, int records, int seed)
    {
        var clock = Stopwatch.StartNew();
        var summary = SnapshotWriter.Write(directory, new SnapshotOptions { Records = records, Seed = seed });
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Wrote {summary.Records:N0} records ({summary.Bytes / 1048576.0:N0} MB, {summary.Collaborations:N0} by large collaborations) to {Path.Combine(directory, SnapshotWriter.FileName)} "
                + $"and their refresh ({summary.RefreshRecords:N0} records, {summary.RefreshBytes / 1048576.0:N0} MB: {summary.Identical:N0} identical lines, {summary.Changed:N0} changed, {summary.Added:N0} new) "
                + $"to {Path.Combine(directory, SnapshotWriter.RefreshFolder, SnapshotWriter.FileName)} in {clock.Elapsed.TotalSeconds:0.0} s"));
        return ExitCodes.Ok;
    }
}
