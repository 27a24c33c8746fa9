using System.CommandLine;
using System.Diagnostics;
using Etl.Data.Loading;
using Etl.Data.Reporting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;

namespace Etl.Cli.Commands;

/// <summary><c>etl rebuild</c>: recompute every derived row from the stored evidence.</summary>
internal static class RebuildCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var command = new Command("rebuild", "Recompute every paper, version, author name and link from the stored evidence alone, and the report stores with the settings of Reporting (PairAuthorLimit)").WithWarehouseOptions();
        command.SetAction((parsed, token) => RunAsync(cancel => WarehouseOptions.StartAsync(parsed, configuration, cancel), token));
        return command;
    }

    public static async Task<int> RunAsync(Func<CancellationToken, Task<ServiceProvider>> startWarehouse, CancellationToken cancellationToken)
    {
        await using var services = await startWarehouse(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var papers = await WarehouseRebuild.RunAsync(
            services.GetRequiredService<NpgsqlDataSource>(),
            services.GetRequiredService<ResiliencePipeline>(),
            services.GetRequiredService<IOptions<ReportingOptions>>().Value,
            cancellationToken).ConfigureAwait(false);
        Console.Out.WriteLine($"Rebuilt {papers} papers from their evidence in {clock.Elapsed.TotalSeconds:0.00} s.");
        return ExitCodes.Ok;
    }
}
