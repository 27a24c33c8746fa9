using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Etl.Cli.Commands;

/// <summary><c>etl migrate</c>: bring the warehouse schema up to date.</summary>
internal static class MigrateCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var command = new Command("migrate", "Create or update the warehouse schema (EF Core migrations)").WithWarehouseOptions();
        command.SetAction((parsed, token) => RunAsync(cancel => WarehouseOptions.StartAsync(parsed, configuration, cancel), token));
        return command;
    }

    public static async Task<int> RunAsync(Func<CancellationToken, Task<ServiceProvider>> startWarehouse, CancellationToken cancellationToken)
    {
        await using var services = await startWarehouse(cancellationToken).ConfigureAwait(false);
        Console.Out.WriteLine("Warehouse schema is up to date.");
        return ExitCodes.Ok;
    }
}
