using Etl.Data.Embedded;
using Etl.Data.Resilience;
using Etl.Migrations;
using Npgsql;
using Polly;

namespace Etl.Cli;

/// <summary>
/// Finds the warehouse: the configured connection string, or else the embedded PostgreSQL (started or
/// reused), whose connection string is printed so the user can open psql on it. Migrates on the way.
/// </summary>
internal static class WarehouseConnection
{
    public static async Task<string> ResolveAsync(WarehouseOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var embedded = options.EmbeddedDataDirectory is { Length: > 0 } directory
            ? new EmbeddedPostgresOptions { DataDirectory = directory }
            : new EmbeddedPostgresOptions();
        var connectionString = await EmbeddedPostgres.EnsureStartedAsync(embedded, log.WriteLine, cancellationToken).ConfigureAwait(false);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        log.WriteLine($"Embedded PostgreSQL in {embedded.DataDirectory}: {connectionString}");
        log.WriteLine($"  PGPASSFILE={builder.Passfile} psql \"host={builder.Host} port={builder.Port} user={builder.Username} dbname={builder.Database}\"");
        return connectionString;
    }

    /// <summary>Applies pending migrations (retrying while the database is unreachable) and says what it did.</summary>
    public static async Task MigrateAsync(string connectionString, ResiliencePipeline retry, TextWriter log, CancellationToken cancellationToken)
    {
        var applied = await retry.ExecuteAsync(
            async token => await WarehouseMigrator.MigrateAsync(connectionString, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        foreach (var migration in applied)
        {
            log.WriteLine($"Applied migration {migration}");
        }
    }

    /// <summary>What every database command starts with: find (or start) the warehouse and migrate it.</summary>
    public static async Task<(string ConnectionString, ResiliencePipeline Retry)> PrepareAsync(WarehouseOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var connectionString = await ResolveAsync(options, output, cancellationToken).ConfigureAwait(false);
        var retry = Retry(options, Console.Error);
        await MigrateAsync(connectionString, retry, output, cancellationToken).ConfigureAwait(false);
        return (connectionString, retry);
    }

    public static ResiliencePipeline Retry(WarehouseOptions options, TextWriter log) => TransientRetry.Create(
        options.RetryAttempts,
        TimeSpan.FromMilliseconds(options.RetryDelayMs),
        log.WriteLine,
        options.Retries,
        TimeSpan.FromMilliseconds(options.RetryMaxDelayMs));
}
