using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>etl_reader, given a login by <c>etl reader</c>, reads every report view and nothing else, and writes nowhere.</summary>
public sealed class ReaderRoleTests(SeedsWarehouse seeds) : IClassFixture<SeedsWarehouse>
{
    private const string Password = "reader-test-password";

    /// <summary>A grant on schema report, on one of its views or functions, or a default privilege there.</summary>
    private const string ReportOnly = @"^(schema report|relation report\.\w+|function report\.\w+|default privileges in report for [rf])$";

    [SharedSamplesFact]
    public async Task The_reader_reads_every_report_view_and_nothing_else()
    {
        var reader = await seeds.ReaderAsync();
        var views = await seeds.Database.ScalarAsync<string[]>(
            "SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'report' AND c.relkind = 'v'");
        Assert.Equal(["authors", "category_trends", "coauthorships", "daily_submissions", "data_quality", "digests", "paper_authors", "paper_versions", "papers", "revisions"], views);
        foreach (var view in views)
        {
            await using var command = reader.CreateCommand($"SELECT count(*) FROM report.{view}");
            Assert.True((long)(await command.ExecuteScalarAsync())! > 0, $"report.{view} is empty for the reader");
        }

        // Report queries never pay for JIT compilation, on any server (sql/roles/etl_reader.sql).
        Assert.Equal(1, await seeds.Database.CountAsync(
            "SELECT count(*) FROM pg_db_role_setting WHERE setrole = 'etl_reader'::regrole AND setdatabase = 0 AND 'jit=off' = ANY (setconfig)"));

        foreach (var sql in new[]
        {
            "SELECT count(*) FROM warehouse.papers",
            "SELECT count(*) FROM warehouse.evidence",
            "SELECT count(*) FROM report_store.paper_lists",
            "DELETE FROM report.paper_versions",
            "INSERT INTO report.paper_versions (arxiv_id, submitted_at) VALUES ('0000.00000', now())",
            "UPDATE warehouse.papers SET title = 'x'",
            "CREATE TABLE report.mine (id int)",
            "CREATE TABLE public.mine (id int)",
            "CREATE VIEW report.mine AS SELECT 1",
        })
        {
            await using var command = reader.CreateCommand(sql);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.True(error.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}: expected a permission error, got {error.SqlState} {error.MessageText}");
        }
    }

    [SharedSamplesFact]
    public async Task The_reader_holds_grants_on_schema_report_only()
    {
        await seeds.ReaderAsync();
        var grants = await GrantsAsync(seeds.Database);
        Assert.Contains("schema report", grants);
        Assert.Contains("relation report.papers", grants);
        Assert.All(grants, grant => Assert.Matches(ReportOnly, grant));
    }

    [Fact]
    public async Task A_grant_outside_schema_report_is_revoked_by_the_migration_even_on_a_view_moved_out_of_it()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await using (var context = Migrations.WarehouseMigrator.CreateContext(database.ConnectionString))
        {
            await Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(context)
                .MigrateAsync("20261126120000_OneAuthorNameTable");
        }

        // As the migration ReportingPerformance left it: report.data_quality renamed and moved, with its grant.
        await database.ExecuteAsync("""
            CREATE VIEW report.data_quality AS SELECT 'rejected_files'::text AS metric, NULL::text AS detail, count(*) AS value FROM warehouse.digests;
            GRANT SELECT ON report.data_quality TO etl_reader;
            ALTER VIEW report.data_quality SET SCHEMA report_store;
            ALTER VIEW report_store.data_quality RENAME TO data_quality_base;
            CREATE VIEW report.data_quality AS SELECT metric, detail, value FROM report_store.data_quality_base;
            GRANT SELECT ON warehouse.papers TO etl_reader;
            """);
        Assert.Contains("relation report_store.data_quality_base", await GrantsAsync(database));

        await Migrations.WarehouseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None);
        var grants = await GrantsAsync(database);
        Assert.Contains("relation report.data_quality", grants);
        Assert.All(grants, grant => Assert.Matches(ReportOnly, grant));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM pg_class WHERE relname = 'data_quality_base'"));
    }

    /// <summary>Every object of this database on which etl_reader holds a privilege, as "kind schema.name".</summary>
    private static async Task<List<string>> GrantsAsync(TestDatabase database)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT 'schema ' || nspname FROM pg_namespace WHERE EXISTS (SELECT FROM aclexplode(nspacl) a WHERE a.grantee = 'etl_reader'::regrole)
            UNION ALL
            SELECT 'relation ' || n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE EXISTS (SELECT FROM aclexplode(c.relacl) a WHERE a.grantee = 'etl_reader'::regrole)
            UNION ALL
            SELECT 'column ' || n.nspname || '.' || c.relname || '.' || t.attname FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE EXISTS (SELECT FROM aclexplode(t.attacl) a WHERE a.grantee = 'etl_reader'::regrole)
            UNION ALL
            SELECT 'function ' || n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE EXISTS (SELECT FROM aclexplode(p.proacl) a WHERE a.grantee = 'etl_reader'::regrole)
            UNION ALL
            SELECT 'default privileges in ' || coalesce(n.nspname, 'every schema') || ' for ' || d.defaclobjtype::text FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
            WHERE EXISTS (SELECT FROM aclexplode(d.defaclacl) a WHERE a.grantee = 'etl_reader'::regrole)
            UNION ALL
            SELECT 'database ' || datname FROM pg_database WHERE datname = current_database() AND EXISTS (SELECT FROM aclexplode(datacl) a WHERE a.grantee = 'etl_reader'::regrole)
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var grants = new List<string>();
        while (await reader.ReadAsync())
        {
            grants.Add(reader.GetString(0));
        }

        return grants;
    }

    [SharedSamplesFact]
    public async Task The_reader_command_needs_its_password_variable()
    {
        var (exitCode, output) = await EtlProcess.RunAsync(["reader", "--password-from-env", "ETL_TEST_UNSET_VARIABLE", "--connection", seeds.Database.ConnectionString]);
        Assert.Equal(1, exitCode);
        Assert.Contains("ETL_TEST_UNSET_VARIABLE is not set", output, StringComparison.Ordinal);
    }

    /// <summary>A connection as etl_reader after <c>etl reader</c> gave it a login.</summary>
    internal static async Task<NpgsqlDataSource> ReaderAsync(TestDatabase database)
    {
        var (exitCode, output) = await EtlProcess.RunAsync(
            ["reader", "--password-from-env", "ETL_TEST_READER_PASSWORD", "--connection", database.ConnectionString],
            new Dictionary<string, string> { ["ETL_TEST_READER_PASSWORD"] = Password });
        Assert.True(exitCode == 0, output);
        Assert.Contains("etl_reader may now log in", output, StringComparison.Ordinal);
        return NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = "etl_reader", Password = Password, Pooling = false }.ConnectionString);
    }
}
