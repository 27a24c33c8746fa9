using System.CommandLine;
using System.Globalization;
using Etl.Cli.Terminal;
using Etl.Data.Discovery;
using Etl.Data.Loading;
using Etl.Data.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Etl.Cli.Commands;

/// <summary>
/// <c>etl ingest &lt;file-or-directory&gt;...</c>: migrate if needed, load every digest, print one line per
/// file and a summary. Exit 0 when all loaded, 2 when anything was rejected (the rest still loaded).
/// </summary>
internal static class IngestCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var paths = new Argument<string[]>("file-or-directory")
        {
            Description = "Digest files, or directories walked recursively for *.md, *.txt, *.jsonl and snapshots (*.json, *.json.gz, *.zip)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var batchMegabytes = PositiveInt.Option("--batch-mb", $"Commit every ~N MB of input (default {LoaderOptions.DefaultBatchMegabytes}, or Loader:BatchBytes)");
        var quiet = new Option<bool>("--quiet") { Description = "Print only the files with rejections, then the summary" };
        var timings = new Option<bool>("--timings") { Description = "Also print where the load's time went, phase by phase" };
        var reportMemory = new Option<bool>("--report-memory") { Description = "Also print the process's peak memory (the benchmark reads it)" };
        var command = new Command("ingest", "Load digests, listings and arXiv metadata snapshots (*.md, *.txt, *.jsonl, *.json, *.json.gz, *.zip; directories recursively); migrates first") { paths, batchMegabytes, quiet, timings, reportMemory }
            .WithWarehouseOptions();
        command.Validators.Add(result =>
        {
            var given = result.GetValue(paths) ?? [];
            if (given.Length == 0)
            {
                result.AddError("ingest needs at least one file or directory of digests (*.md, *.txt) or listings (*.jsonl)");
            }

            // Unknown options would otherwise be taken for paths; a file named like an option can be given as ./-name.
            foreach (var unknown in given.Where(path => path.StartsWith('-')))
            {
                result.AddError($"unknown option '{unknown}'");
            }
        });
        command.SetAction((parsed, token) =>
        {
            var batchBytes = parsed.GetValue(batchMegabytes) * 1024L * 1024;
            return RunAsync(
                parsed.GetRequiredValue(paths),
                parsed.GetValue(quiet),
                parsed.GetValue(timings),
                parsed.GetValue(reportMemory),
                cancel => WarehouseOptions.StartAsync(parsed, configuration, cancel, batchBytes is { } bytes ? [new("Loader:BatchBytes", bytes.ToString(CultureInfo.InvariantCulture))] : []),
                token);
        });
        return command;
    }

    public static async Task<int> RunAsync(
        IReadOnlyList<string> paths,
        bool quiet,
        bool timings,
        bool reportMemory,
        Func<CancellationToken, Task<ServiceProvider>> startWarehouse,
        CancellationToken cancellationToken)
    {
        var files = DigestFileFinder.Find(paths);
        var output = Console.Out;
        var errors = Console.Error;
        if (files.Count == 0)
        {
            errors.WriteLine($"No *.md, *.txt, *.jsonl, *.json, *.json.gz or *.zip files under {string.Join(", ", paths)}; nothing to load.");
            return ExitCodes.Ok;
        }

        await using var services = await startWarehouse(cancellationToken).ConfigureAwait(false);
        var progress = new ProgressDisplay(errors, !Console.IsErrorRedirected);
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var loader = services.GetRequiredService<WarehouseLoader>();
        var summary = await loader.LoadAsync(
            files,
            outcome =>
            {
                progress.Clear();
                if (!quiet || outcome.HasRejections)
                {
                    Print(output, outcome);
                }
            },
            progress,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        progress.Clear();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Files} files ({summary.FilesLoaded} loaded, {summary.FilesAlreadyLoaded} already loaded, {summary.FilesRejected} rejected), {summary.Entries} entries, {summary.NewPapers} new papers, {summary.NewVersions} new versions, {summary.RejectedEntries} rejected entries, {summary.Elapsed.TotalSeconds:0.00} s"));
        if (summary.Records is { } records)
        {
            output.WriteLine($"Snapshot records: {records} (unchanged records were held already and were not stored again).");
        }
        if (services.GetRequiredService<RetryTally>().Count is > 0 and var retries)
        {
            output.WriteLine($"Recovered from database errors with {retries} retries (messages above); each batch commits whole, so nothing was loaded twice.");
        }

        await PrintTotalsAsync(dataSource, output, cancellationToken).ConfigureAwait(false);
        await ReparseCommand.SuggestIfStaleAsync(dataSource, output, cancellationToken).ConfigureAwait(false);
        if (timings)
        {
            foreach (var (phase, time) in summary.Timings.OrderByDescending(pair => pair.Value))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {phase,-34} {time.TotalSeconds,8:0.00} s"));
            }
        }

        if (reportMemory)
        {
            output.WriteLine(PeakMemory.Line());
        }
        if (summary.AnyRejected)
        {
            output.WriteLine("Some input was rejected (reasons above, and in warehouse.rejections); everything else is loaded.");
            return ExitCodes.Rejected;
        }

        return ExitCodes.Ok;
    }

    private static void Print(TextWriter output, FileOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case FileOutcomeKind.Loaded:
                output.WriteLine($"loaded          {outcome.Path} ({outcome.Entries} entries{Records(outcome)})");
                break;
            case FileOutcomeKind.LoadedWithRejections:
                output.WriteLine($"loaded          {outcome.Path} ({outcome.Entries} entries{Records(outcome)}, {outcome.Rejections.Count} rejected)");
                foreach (var rejection in outcome.Rejections)
                {
                    output.WriteLine($"  rejected entry {outcome.Path}:{rejection.Line}: {rejection.Reason}");
                }

                break;
            case FileOutcomeKind.Rejected:
                output.WriteLine($"rejected        {outcome.Path}: {outcome.Reason}");
                break;
            case FileOutcomeKind.Unreadable:
                output.WriteLine($"not loaded      {outcome.Path}: {outcome.Reason}");
                break;
            case FileOutcomeKind.AlreadyLoaded:
                var earlier = outcome.PreviousOutcome is "rejected" ? " (rejected then: see warehouse.rejections)" : string.Empty;
                output.WriteLine($"already loaded  {outcome.Path}{earlier}");
                break;
            default:
                throw new InvalidOperationException($"unexpected outcome {outcome.Kind}");
        }
    }

    /// <summary>A snapshot's entries are the records it stored: say what the others were.</summary>
    private static string Records(FileOutcome outcome) => outcome.Records is { } records ? $": {records}" : string.Empty;

    private static async Task PrintTotalsAsync(NpgsqlDataSource dataSource, TextWriter output, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM warehouse.papers), (SELECT count(*) FROM warehouse.paper_versions),
                   (SELECT count(*) FROM warehouse.authors), (SELECT count(*) FROM warehouse.digests)
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        output.WriteLine($"Warehouse now holds {reader.GetInt64(0)} papers, {reader.GetInt64(1)} versions, {reader.GetInt64(2)} authors from {reader.GetInt64(3)} files.");
        await reader.DisposeAsync().ConfigureAwait(false);

        // A taste of the result, from the same view analysts use.
        await using var latest = dataSource.CreateCommand("""
            SELECT arxiv_id, latest_version, coalesce(title, ''), cardinality(authors), array_to_string(categories, ',')
            FROM report.papers ORDER BY updated_at DESC NULLS LAST, arxiv_id LIMIT 5
            """);
        await using var papers = await latest.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        output.WriteLine("Most recently updated papers (report.papers):");
        while (await papers.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var title = papers.GetString(2);
            output.WriteLine($"  {papers.GetString(0),-18} v{papers.GetInt32(1)}  {(title.Length > 60 ? title[..57] + "..." : title),-60}  {papers.GetInt32(3)} authors  {papers.GetString(4)}");
        }

        output.WriteLine("Query them: SELECT arxiv_id, latest_version, title, authors FROM report.papers LIMIT 10;");
    }
}
