using Etl.Data.Embedded;
using Etl.Migrations;
using Npgsql;

namespace Etl.Integration.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL the tests run against: <c>ETL_TEST_CONNECTION</c> when set, otherwise a private cluster
/// started with the same mechanism as the CLI's embedded default (fsync off: the data is throwaway).
/// Every test gets a database of its own, cloned from a migrated template, so tests run in parallel and
/// never see each other's rows.
/// </summary>
internal static class TestCluster
{
    private const string Template = "etl_test_template";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _server;

    /// <summary>Where the test cluster keeps its data when no ETL_TEST_CONNECTION is given.</summary>
    public static string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "etl-test-postgres");

    public static bool IsEmbedded => string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ETL_TEST_CONNECTION"));

    /// <summary>A fresh, migrated, empty warehouse database; dropped when the returned handle is disposed.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync(bool migrated = true)
    {
        var server = await ServerAsync().ConfigureAwait(false);
        var name = "etl_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = await OpenAsync(server, "postgres").ConfigureAwait(false))
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {(migrated ? Template : "template0")}", admin))
        {
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return await TestDatabase.OpenAsync(server, name).ConfigureAwait(false);
    }

    private static async Task<string> ServerAsync()
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_server is not null)
            {
                return _server;
            }

            var server = Environment.GetEnvironmentVariable("ETL_TEST_CONNECTION") is { Length: > 0 } configured
                ? configured
                : await EmbeddedPostgres.EnsureStartedAsync(
                    new EmbeddedPostgresOptions { DataDirectory = DataDirectory, FastUnsafe = true, Database = "postgres" },
                    log: null,
                    CancellationToken.None).ConfigureAwait(false);

            // A template migrated by this build: drop any left by an earlier build, whose schema may differ.
            await using (var admin = await OpenAsync(server, "postgres").ConfigureAwait(false))
            await using (var reset = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Template} WITH (FORCE); CREATE DATABASE {Template} TEMPLATE template0", admin))
            {
                await reset.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            // Unpooled: an idle pooled connection to the template would block CREATE DATABASE … TEMPLATE.
            var template = new NpgsqlConnectionStringBuilder(server) { Database = Template, Pooling = false }.ConnectionString;
            await WarehouseMigrator.MigrateAsync(template, CancellationToken.None).ConfigureAwait(false);
            _server = server;
            return server;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static string ConnectionString(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = true }.ConnectionString;

    private static async Task<NpgsqlConnection> OpenAsync(string server, string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        return connection;
    }
}
