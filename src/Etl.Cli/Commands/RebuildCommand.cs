using System.Diagnostics;
using Etl.Data.Loading;
using Npgsql;

namespace Etl.Cli.Commands;

/// <summary><c>etl rebuild</c>: recompute every derived row from the stored evidence.</summary>
internal static class RebuildCommand
{
    public static async Task<int> RunAsync(CliArguments args, WarehouseOptions options, CancellationToken cancellationToken)
    {
        args.NoPositional("rebuild");
        var (connectionString, retry) = await WarehouseConnection.PrepareAsync(options, Console.Out, cancellationToken).ConfigureAwait(false);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var clock = Stopwatch.StartNew();
        var papers = await WarehouseRebuild.RunAsync(dataSource, retry, cancellationToken).ConfigureAwait(false);
        Console.Out.WriteLine($"Rebuilt {papers} papers from their evidence in {clock.Elapsed.TotalSeconds:0.00} s.");
        return ExitCodes.Ok;
    }
}
