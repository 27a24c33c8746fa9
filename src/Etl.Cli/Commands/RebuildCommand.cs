using Etl.Data.Loading;
using Npgsql;

namespace Etl.Cli.Commands;

/// <summary><c>etl rebuild</c>: recompute every derived row from the stored evidence.</summary>
internal static class RebuildCommand
{
    public static async Task<int> RunAsync(CliArguments args, WarehouseOptions options, CancellationToken cancellationToken)
    {
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"rebuild takes no arguments, got '{args.Positional[0]}'");
        }

        var output = Console.Out;
        var connectionString = await WarehouseConnection.ResolveAsync(options, output, cancellationToken).ConfigureAwait(false);
        var retry = WarehouseConnection.Retry(options, Console.Error);
        await WarehouseConnection.MigrateAsync(connectionString, retry, output, cancellationToken).ConfigureAwait(false);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var papers = await WarehouseRebuild.RunAsync(dataSource, retry, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"Rebuilt {papers} papers from their evidence in {clock.Elapsed.TotalSeconds:0.00} s.");
        return ExitCodes.Ok;
    }
}
