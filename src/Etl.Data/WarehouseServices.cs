using Etl.Data.Embedded;
using Etl.Data.Loading;
using Etl.Data.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;

namespace Etl.Data;

/// <summary>The one place the warehouse is wired: the CLI, the service and the tests all start here.</summary>
public static partial class WarehouseServices
{
    /// <summary>
    /// Registers the warehouse from configuration: <c>ConnectionStrings:Warehouse</c> (else the embedded
    /// PostgreSQL, section <c>Embedded</c>), the retry pipeline (section <c>Retry</c>), the loader
    /// (section <c>Loader</c>) and the <see cref="NpgsqlDataSource"/> they share. Await
    /// <see cref="WarehouseConnection.ResolveAsync"/> before resolving the data source.
    /// </summary>
    public static IServiceCollection AddWarehouse(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmbeddedPostgresOptions>().Bind(configuration.GetSection("Embedded"));
        services.AddOptions<RetryOptions>().Bind(configuration.GetSection("Retry"));
        services.AddOptions<LoaderOptions>().Bind(configuration.GetSection("Loader"));
        services.AddOptions<Reporting.ReportingOptions>().Bind(configuration.GetSection("Reporting"))
            .Validate(options => options.PairAuthorLimit >= 1, "Reporting:PairAuthorLimit must be at least 1 (the most distinct authors a paper may have and still form co-author pairs)");

        services.AddSingleton(provider => new WarehouseConnection(
            configuration,
            provider.GetRequiredService<IOptions<EmbeddedPostgresOptions>>(),
            provider.GetService<ILogger<WarehouseConnection>>() ?? NullLogger<WarehouseConnection>.Instance));
        services.AddSingleton<RetryTally>();
        services.AddSingleton(provider =>
        {
            var logger = provider.GetService<ILoggerFactory>()?.CreateLogger(typeof(TransientRetry)) ?? NullLogger.Instance;
            var retry = provider.GetRequiredService<IOptions<RetryOptions>>().Value;
            return TransientRetry.Create(
                retry.MaxAttempts,
                TimeSpan.FromMilliseconds(retry.DelayMs),
                message => LogRetry(logger, message),
                provider.GetRequiredService<RetryTally>(),
                TimeSpan.FromMilliseconds(retry.MaxDelayMs));
        });
        services.AddNpgsqlDataSource(
            string.Empty,
            (provider, builder) =>
            {
                builder.ConnectionStringBuilder.ConnectionString = provider.GetRequiredService<WarehouseConnection>().ConnectionString;
                KeepSessions(builder.ConnectionStringBuilder);
            });
        services.AddSingleton(provider => new WarehouseLoader(
            provider.GetRequiredService<NpgsqlDataSource>(),
            provider.GetRequiredService<ResiliencePipeline>(),
            provider.GetRequiredService<IOptions<LoaderOptions>>().Value));
        return services;
    }

    /// <summary>
    /// A pooled connection keeps its session when it returns to the pool (no <c>DISCARD ALL</c>), so the
    /// loader's scratch tables (sql/load/begin_batch.sql) are created once per connection rather than
    /// once per batch. Safe because nothing here changes session state: settings are <c>SET LOCAL</c>,
    /// locks are transaction-scoped and nothing is prepared by name.
    /// </summary>
    public static NpgsqlConnectionStringBuilder KeepSessions(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.NoResetOnClose = true;
        return builder;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogRetry(ILogger logger, string message);
}
