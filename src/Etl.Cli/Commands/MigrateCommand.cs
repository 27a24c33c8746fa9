namespace Etl.Cli.Commands;

/// <summary><c>etl migrate</c>: bring the warehouse schema up to date.</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(CliArguments args, WarehouseOptions options, CancellationToken cancellationToken)
    {
        args.NoPositional("migrate");
        await WarehouseConnection.PrepareAsync(options, Console.Out, cancellationToken).ConfigureAwait(false);
        Console.Out.WriteLine("Warehouse schema is up to date.");
        return ExitCodes.Ok;
    }
}
