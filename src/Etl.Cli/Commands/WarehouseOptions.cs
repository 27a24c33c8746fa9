using System.CommandLine;
using Etl.Cli.Terminal;
using Etl.Data;
using Etl.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;

namespace Etl.Cli.Commands;

/// <summary>
/// What every command that uses the database shares: <c>--connection</c> and <c>--data-dir</c>, which
/// override configuration, and the start of its action: wire the warehouse, find it, migrate it.
/// </summary>
internal static class WarehouseOptions
{
    private static readonly Option<string> Connection = new("--connection")
    {
        Description = "Overrides ConnectionStrings:Warehouse (also ConnectionStrings__Warehouse or appsettings.json); with none, an embedded PostgreSQL is started",
        HelpName = "connection string",
    };

    private static readonly Option<string> DataDirectory = new("--data-dir")
    {
        Description = "Where the embedded PostgreSQL keeps its data (also Embedded:DataDirectory or ETL_DATA_DIR)",
        HelpName = "DIR",
    };

    /// <summary>Adds the shared options to a command that uses the database.</summary>
    public static Command WithWarehouseOptions(this Command command)
    {
        command.Add(Connection);
        command.Add(DataDirectory);
        return command;
    }

    /// <summary>
    /// The services of <see cref="WarehouseServices.AddWarehouse"/> over the configuration with the
    /// command line on top (<paramref name="overrides"/> are a command's own settings), after the
    /// warehouse is found (or started) and migrated.
    /// </summary>
    public static async Task<ServiceProvider> StartAsync(
        ParseResult parsed,
        IConfiguration configuration,
        CancellationToken cancellationToken,
        params IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        var effective = new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection([
                .. overrides,
                .. Override("ConnectionStrings:Warehouse", parsed.GetValue(Connection)),
                .. Override("Embedded:DataDirectory", parsed.GetValue(DataDirectory)),
            ])
            .Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(new ConsoleLines()))
            .AddWarehouse(effective)
            .BuildServiceProvider();
        try
        {
            var connectionString = await services.GetRequiredService<WarehouseConnection>().ResolveAsync(cancellationToken).ConfigureAwait(false);
            var applied = await services.GetRequiredService<ResiliencePipeline>().ExecuteAsync(
                async token => await WarehouseMigrator.MigrateAsync(connectionString, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            foreach (var migration in applied.Migrations)
            {
                Console.Out.WriteLine($"Applied migration {migration}");
            }

            foreach (var script in applied.ReportScripts)
            {
                Console.Out.WriteLine($"Applied {script}");
            }

            return services;
        }
        catch
        {
            await services.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static IEnumerable<KeyValuePair<string, string?>> Override(string key, string? value) =>
        value is null ? [] : [new(key, value)];
}
