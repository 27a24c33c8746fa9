using System.CommandLine;
using System.Diagnostics;
using Etl.Core.Parsing;
using Etl.Data.Loading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Polly;

namespace Etl.Cli.Commands;

/// <summary>
/// <c>etl reparse [--search DIR[:DIR…]] [--all]</c>: derive the evidence of files parsed by older rules
/// again from their content (found at the stored path, checked by sha256, or by sha256 under the search
/// folders), then rebuild every paper. Exit 2 when some contents could not be found (their evidence is kept).
/// </summary>
internal static class ReparseCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var search = new Option<string[]>("--search")
        {
            Description = "Folders to look in, by sha256, for files no longer at their stored path (the service's archive, a moved collection); repeatable, or DIR:DIR",
            HelpName = "DIR",
            AllowMultipleArgumentsPerToken = false,
        };
        var all = new Option<bool>("--all") { Description = "Parse every stored file again, not only those parsed by older rules" };
        var command = new Command("reparse", "Parse files loaded under older parsing rules again from their content, then rebuild") { search, all }.WithWarehouseOptions();
        command.Validators.Add(result =>
        {
            foreach (var folder in SearchFolders(result.GetValue(search)).Where(folder => !Directory.Exists(folder)))
            {
                result.AddError($"--search '{folder}' is not a directory");
            }
        });
        command.SetAction(async (parsed, token) =>
        {
            await using var services = await WarehouseOptions.StartAsync(parsed, configuration, token).ConfigureAwait(false);
            return await ReparseAsync(
                services.GetRequiredService<NpgsqlDataSource>(),
                services.GetRequiredService<ResiliencePipeline>(),
                SearchFolders(parsed.GetValue(search)),
                parsed.GetValue(all),
                Console.Out,
                token).ConfigureAwait(false);
        });
        return command;
    }

    private static string[] SearchFolders(string[]? given) =>
        [.. (given ?? []).SelectMany(value => value.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    public static async Task<int> ReparseAsync(
        NpgsqlDataSource dataSource, ResiliencePipeline retry, IReadOnlyList<string> searchFolders, bool everything, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var summary = await new WarehouseReparse(dataSource, retry).RunAsync(searchFolders, everything, cancellationToken).ConfigureAwait(false);
        foreach (var missing in summary.Missing)
        {
            var records = summary.RecordsNotFound.TryGetValue(missing.DigestId, out var left)
                ? $"; {left:#,0} of its records are in no snapshot file found either and keep their evidence (the others were derived again from the snapshots that hold their lines)"
                : string.Empty;
            output.WriteLine($"not found       {missing.Path} (sha256 {Convert.ToHexStringLower(missing.Sha256)}): its evidence is kept as parsed before{records}");
        }

        output.WriteLine($"Reparsed {summary.Reparsed} of {summary.Stale} files with parsing rules version {ParsingRules.Version}, then rebuilt {summary.Papers} papers, in {clock.Elapsed.TotalSeconds:0.00} s.");
        if (summary.Missing.Count == 0)
        {
            return ExitCodes.Ok;
        }

        output.WriteLine($"{summary.Missing.Count} files could not be found at their stored path with the same content; give the folders that hold them with --search DIR and run etl reparse again.");
        return ExitCodes.Rejected;
    }

    /// <summary>Printed by <c>etl ingest</c>: a warehouse loaded by an older product says so.</summary>
    public static async Task SuggestIfStaleAsync(NpgsqlDataSource dataSource, TextWriter output, CancellationToken cancellationToken)
    {
        var (stale, oldest) = await WarehouseReparse.CountStaleAsync(dataSource, cancellationToken).ConfigureAwait(false);
        if (stale > 0)
        {
            output.WriteLine($"{stale} files in the warehouse were parsed by older parsing rules (version {oldest}; today's is {ParsingRules.Version}). Run `etl reparse` to bring them up to date.");
        }
    }
}
