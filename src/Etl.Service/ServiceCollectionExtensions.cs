using Etl.Data.Loading;
using Etl.Data.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;

namespace Etl.Service;

/// <summary>
/// The warehouse wiring the service needs: one data source, the retry pipeline and the loader that
/// <c>etl ingest</c> uses. (To be folded into <c>AddWarehouse(IConfiguration)</c> in Etl.Data.)
/// </summary>
public static partial class ServiceCollectionExtensions
{
    public static IServiceCollection AddWarehouseLoader(this IServiceCollection services, string connectionString, int retryAttempts, LoaderOptions loaderOptions)
    {
        services.AddNpgsqlDataSource(connectionString);
        services.AddSingleton(provider =>
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Etl.Service.Retry");
            return TransientRetry.Create(retryAttempts, log: message => LogRetry(logger, message));
        });
        services.AddSingleton(loaderOptions);
        services.AddSingleton(provider => new WarehouseLoader(
            provider.GetRequiredService<Npgsql.NpgsqlDataSource>(),
            provider.GetRequiredService<ResiliencePipeline>(),
            provider.GetRequiredService<LoaderOptions>()));
        return services;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogRetry(ILogger logger, string message);
}
