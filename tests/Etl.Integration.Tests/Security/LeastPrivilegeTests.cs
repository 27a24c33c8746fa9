using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Security;

/// <summary>The ETL needs no superuser: a role that owns the warehouse database migrates, loads and reparses it.</summary>
public sealed class LeastPrivilegeTests
{
    [Fact]
    public async Task A_role_that_owns_the_warehouse_but_is_not_a_superuser_migrates_ingests_and_reparses()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var role = "etl_owner_" + suffix;
        var password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await using var admin = await TestCluster.CreateDatabaseAsync(migrated: false);
        var warehouse = "etl_owned_" + suffix;
        await admin.ExecuteAsync($"CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{password}'");
        await admin.ExecuteAsync($"CREATE DATABASE {warehouse} OWNER {role} TEMPLATE template0");
        try
        {
            var asOwner = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = warehouse, Username = role, Password = password, Passfile = null }.ConnectionString;
            var samples = Path.Combine(SharedSamples.RepositoryRoot, "samples");

            var (exit, output) = await EtlProcess.RunAsync(["ingest", samples, "--connection", asOwner]);
            Assert.True(exit == 0, output);
            Assert.Contains("Applied migration", output, StringComparison.Ordinal);
            (exit, output) = await EtlProcess.RunAsync(["reparse", "--all", "--connection", asOwner]);
            Assert.True(exit == 0, output);

            await using var connection = new NpgsqlConnection(asOwner);
            await connection.OpenAsync();
            await using var check = new NpgsqlCommand("SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user), (SELECT count(*) FROM report.papers)", connection);
            await using var reader = await check.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.False(reader.GetBoolean(0));
            Assert.Equal(48, reader.GetInt64(1));  // the shipped samples: 40 papers of digests and listings, 8 more from their snapshots
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {warehouse} WITH (FORCE)");
            await admin.ExecuteAsync($"DROP ROLE IF EXISTS {role}");
        }
    }
}
