using System.Diagnostics;
using Etl.Core.Parsing;
using Etl.Data.Loading;
using Npgsql;

namespace Etl.Cli.Commands;

/// <summary>
/// <c>etl reparse [--search DIR[:DIR…]] [--all]</c>: derive the evidence of files parsed by older rules
/// again from their content (found at the stored path, checked by sha256, or by sha256 under the search
/// folders), then rebuild every paper. Exit 2 when some contents could not be found (their evidence is kept).
/// </summary>
internal static class ReparseCommand
{
    public static async Task<int> RunAsync(CliArguments args, WarehouseOptions options, CancellationToken cancellationToken)
    {
        args.NoPositional("reparse");
        var searchFolders = (args.Value("--search") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var folder in searchFolders.Where(folder => !Directory.Exists(folder)))
        {
            throw new UsageException($"--search '{folder}' is not a directory");
        }

        var (connectionString, retry) = await WarehouseConnection.PrepareAsync(options, Console.Out, cancellationToken).ConfigureAwait(false);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return await ReparseAsync(dataSource, retry, searchFolders, args.Has("--all"), Console.Out, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<int> ReparseAsync(
        NpgsqlDataSource dataSource, Polly.ResiliencePipeline retry, IReadOnlyList<string> searchFolders, bool everything, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var summary = await new WarehouseReparse(dataSource, retry).RunAsync(searchFolders, everything, cancellationToken).ConfigureAwait(false);
        foreach (var missing in summary.Missing)
        {
            output.WriteLine($"not found       {missing.Path} (sha256 {Convert.ToHexStringLower(missing.Sha256)}): its evidence is kept as parsed before");
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
