using Etl.Data.Embedded;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Wiring;

/// <summary>What a new embedded cluster runs with besides its security: no JIT, and per-statement statistics where installed.</summary>
public sealed class EmbeddedPostgresSettingsTests
{
    [Fact]
    public async Task A_new_cluster_runs_without_jit_and_preloads_statement_statistics_where_they_are_installed()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "etl-settings-" + Guid.NewGuid().ToString("N")[..8]), FastUnsafe = true };
        try
        {
            var connectionString = await EmbeddedPostgres.EnsureStartedAsync(options, log: null, CancellationToken.None);
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();

            Assert.Equal("off", await ScalarAsync<string>(connection, "SHOW jit"));
            if (await ScalarAsync<long>(connection, "SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_stat_statements'") == 0)
            {
                return;  // binaries without the contrib modules: nothing to preload, and the server must still start
            }

            Assert.Contains("pg_stat_statements", await ScalarAsync<string>(connection, "SHOW shared_preload_libraries"), StringComparison.Ordinal);
            await ScalarAsync<object>(connection, "CREATE EXTENSION pg_stat_statements");
            Assert.True(await ScalarAsync<long>(connection, "SELECT count(*) FROM pg_stat_statements") > 0);
        }
        finally
        {
            await EmbeddedPostgres.StopAsync(options.DataDirectory, CancellationToken.None);
            Directory.Delete(options.DataDirectory, recursive: true);
            File.Delete(options.DataDirectory + ".lock");
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
