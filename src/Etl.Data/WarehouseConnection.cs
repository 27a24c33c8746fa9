using Etl.Data.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Etl.Data;

/// <summary>
/// Finds the warehouse: the configured connection string (<c>ConnectionStrings:Warehouse</c>), or else the
/// embedded PostgreSQL (started or reused), whose connection string and psql command are logged so the
/// user can open it. Resolved once per process; the data source of <see cref="WarehouseServices.AddWarehouse"/>
/// connects to what this returns.
/// </summary>
public sealed partial class WarehouseConnection(IConfiguration configuration, IOptions<EmbeddedPostgresOptions> embedded, ILogger<WarehouseConnection> logger)
{
    private readonly Lock _gate = new();
    private Task<string>? _resolution;

    /// <summary>The resolved connection string; only after <see cref="ResolveAsync"/> has completed.</summary>
    public string ConnectionString =>
        _resolution is { IsCompletedSuccessfully: true } resolved
            ? resolved.Result
            : throw new InvalidOperationException("The warehouse connection is not resolved yet: await WarehouseConnection.ResolveAsync before using the NpgsqlDataSource (with no connection string configured, the embedded PostgreSQL has to start first).");

    /// <exception cref="EmbeddedPostgresException">No connection string is configured and the embedded PostgreSQL cannot start.</exception>
    public Task<string> ResolveAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_resolution is null or { IsFaulted: true } or { IsCanceled: true })
            {
                _resolution = ResolveCoreAsync(cancellationToken);
            }

            return _resolution;
        }
    }

    private async Task<string> ResolveCoreAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetConnectionString("Warehouse") is { } configured && !string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var options = embedded.Value;
        var connectionString = await EmbeddedPostgres.EnsureStartedAsync(options, message => LogProgress(logger, message), cancellationToken).ConfigureAwait(false);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        LogEmbedded(logger, options.DataDirectory, connectionString);
        LogPsql(logger, builder.Passfile, builder.Host, builder.Port, builder.Username, builder.Database);
        return connectionString;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message}")]
    private static partial void LogProgress(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded PostgreSQL in {DataDirectory}: {ConnectionString}")]
    private static partial void LogEmbedded(ILogger logger, string dataDirectory, string connectionString);

    [LoggerMessage(Level = LogLevel.Information, Message = "  PGPASSFILE={Passfile} psql \"host={Host} port={Port} user={User} dbname={Database}\"")]
    private static partial void LogPsql(ILogger logger, string? passfile, string? host, int port, string? user, string? database);
}
