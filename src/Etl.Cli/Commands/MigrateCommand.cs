namespace Etl.Cli.Commands;

/// <summary><c>etl migrate</c>: bring the warehouse schema up to date.</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(CliArguments args, WarehouseOptions options, CancellationToken cancellationToken)
    {
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"migrate takes no arguments, got '{args.Positional[0]}'");
        }

        var output = Console.Out;
        var connectionString = await WarehouseConnection.ResolveAsync(options, output, cancellationToken).ConfigureAwait(false);
        await WarehouseConnection.MigrateAsync(connectionString, WarehouseConnection.Retry(options, Console.Error), output, cancellationToken).ConfigureAwait(false);
        output.WriteLine("Warehouse schema is up to date.");
        return ExitCodes.Ok;
    }
}
