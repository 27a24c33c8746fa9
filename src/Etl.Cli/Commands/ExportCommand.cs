using System.CommandLine;
using System.Globalization;
using Etl.Cli.Terminal;
using Etl.Data.Export;
using Etl.Data.Reporting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Polly;

namespace Etl.Cli.Commands;

/// <summary>
/// <c>etl export --format FORMAT [--out PATH] [--since DATE] [--view NAME]</c>: writes the warehouse in a
/// format other tools load. The formats, their names and what each needs come from
/// <see cref="ExportFormats.All"/>; this command only parses, checks with the format's writer, runs it
/// (again from the start after a transient database error, like a load) and reports the files.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var format = new Option<string>("--format")
        {
            Description = string.Join("; ", ExportFormats.All.Select(writer => $"{writer.Name}: {writer.Description}")),
            HelpName = "FORMAT",
            Required = true,
        };
        format.AcceptOnlyFromAmong([.. ExportFormats.All.Select(writer => writer.Name)]);
        var output = new Option<string>("--out") { Description = "Where to write (a folder or a file, as the format says)", HelpName = "PATH" };
        var since = SinceOption.Create("Only papers whose latest version arXiv dates (updated_at) at or after this day or instant, with what belongs to them; not a change feed (docs/export.md)");
        var view = new Option<string>("--view") { Description = "Export this view of schema report (papers, revisions, …) on its own instead", HelpName = "NAME" };
        var reportMemory = new Option<bool>("--report-memory") { Description = "Also print the process's peak memory (the benchmark reads it)" };
        var command = new Command("export", "Write the warehouse (or one report view) in a format other tools load, from one snapshot")
        {
            format, output, since, view, reportMemory,
        }.WithWarehouseOptions();

        command.SetAction(async (parsed, token) =>
        {
            // Standard output may carry the export itself (--format arxiv-snapshot without --out): every line of
            // ours (the embedded database, applied migrations, the files written) goes to standard error.
            Console.SetOut(Console.Error);
            var writer = ExportFormats.Named(parsed.GetRequiredValue(format))!;
            var request = new ExportRequest(parsed.GetValue(output), parsed.GetValue(since), parsed.GetValue(view));

            // What the format needs (an --out of the right kind, options it cannot combine), before any database work.
            if (writer.Problem(request) is { } problem)
            {
                Console.Error.WriteLine($"error: {problem}");
                Console.Error.WriteLine("Run 'etl export --help' for usage.");
                return ExitCodes.Fatal;
            }

            await using var services = await WarehouseOptions.StartAsync(parsed, configuration, token).ConfigureAwait(false);
            var dataSource = services.GetRequiredService<NpgsqlDataSource>();
            try
            {
                var files = await services.GetRequiredService<ResiliencePipeline>().ExecuteAsync(
                    async cancel => await writer.WriteAsync(dataSource, request, cancel).ConfigureAwait(false), token).ConfigureAwait(false);
                foreach (var file in files)
                {
                    // Standard error: a format may write its data to standard output.
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"Wrote {file.Path}: {file.Rows:N0} rows, {file.Bytes / 1048576.0:0.0} MB in {file.Elapsed.TotalSeconds:0.00} s ({file.Rows / Math.Max(file.Elapsed.TotalSeconds, 1e-3):N0} rows/s)"));
                }

                if (parsed.GetValue(reportMemory))
                {
                    Console.Error.WriteLine(PeakMemory.Line());
                }

                return ExitCodes.Ok;
            }
            catch (Exception exception) when (exception is UnknownViewException or InvalidDataException)
            {
                // A view that is not there, or a value the format cannot hold: the message says which.
                Console.Error.WriteLine($"error: {exception.Message}");
                return ExitCodes.Fatal;
            }
        });
        return command;
    }
}
