using Etl.Data.Embedded;
using Etl.Integration.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Security;

/// <summary>Only the OS user who owns the embedded cluster's data folder can connect to it.</summary>
public sealed class EmbeddedPostgresSecurityTests
{
    [EmbeddedClusterFact]
    public async Task A_connection_without_the_secret_is_refused()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        var withSecret = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false };
        var noPassword = new NpgsqlConnectionStringBuilder(withSecret.ConnectionString) { Passfile = null };
        var wrongPassword = new NpgsqlConnectionStringBuilder(noPassword.ConnectionString) { Password = "guess" };

        await AssertConnectsAsync(withSecret.ConnectionString);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => AssertConnectsAsync(noPassword.ConnectionString));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => AssertConnectsAsync(wrongPassword.ConnectionString));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
    }

    [EmbeddedClusterFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_secret_is_readable_by_the_data_folders_owner_only()
    {
        await (await TestCluster.CreateDatabaseAsync()).DisposeAsync();
        var passFile = EmbeddedPostgres.PassFile(TestCluster.DataDirectory);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(TestCluster.DataDirectory));
        Assert.DoesNotContain("trust", string.Join('\n', File.ReadLines(Path.Combine(TestCluster.DataDirectory, "pg_hba.conf")).Where(line => !line.StartsWith('#'))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_created_with_trust_by_an_older_version_is_secured_on_its_next_start()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "etl-trust-" + Guid.NewGuid().ToString("N")[..8]), FastUnsafe = true };
        try
        {
            await EmbeddedPostgres.EnsureStartedAsync(options, log: null, CancellationToken.None);
            await EmbeddedPostgres.StopAsync(options.DataDirectory, CancellationToken.None);

            // What older versions left behind: trust for every local connection, no password file.
            File.WriteAllText(Path.Combine(options.DataDirectory, "pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
            File.Delete(EmbeddedPostgres.PassFile(options.DataDirectory));
            var log = new List<string>();

            var connectionString = await EmbeddedPostgres.EnsureStartedAsync(options, log.Add, CancellationToken.None);

            Assert.Contains(log, line => line.Contains("Securing the embedded PostgreSQL", StringComparison.Ordinal));
            await AssertConnectsAsync(connectionString);
            var noPassword = new NpgsqlConnectionStringBuilder(connectionString) { Passfile = null, Pooling = false };
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => AssertConnectsAsync(noPassword.ConnectionString));
        }
        finally
        {
            await EmbeddedPostgres.StopAsync(options.DataDirectory, CancellationToken.None);
            Directory.Delete(options.DataDirectory, recursive: true);
            File.Delete(options.DataDirectory + ".lock");
        }
    }

    private static async Task AssertConnectsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        Assert.Equal(1, await command.ExecuteScalarAsync());
    }
}
