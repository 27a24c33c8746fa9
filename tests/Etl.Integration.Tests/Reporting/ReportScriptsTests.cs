using Etl.Integration.Tests.Infrastructure;
using Etl.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>
/// Schema report is applied from sql/report after the migrations (ReportScripts): whatever path a database
/// took, it ends with the same definitions; a script runs again only when its text changed or its object is
/// missing; a view whose columns changed is dropped and created again, but never over someone else's view.
/// </summary>
public sealed class ReportScriptsTests
{
    [Fact]
    public async Task A_fresh_database_and_one_migrated_step_by_step_from_the_first_migration_end_with_the_same_definitions()
    {
        await using var fresh = await TestCluster.CreateDatabaseAsync(migrated: false);
        await WarehouseMigrator.MigrateAsync(fresh.ConnectionString, CancellationToken.None);

        await using var stepwise = await TestCluster.CreateDatabaseAsync(migrated: false);
        string[] migrations;
        await using (var context = WarehouseMigrator.CreateContext(stepwise.ConnectionString))
        {
            migrations = [.. context.Database.GetMigrations()];
        }

        Assert.Equal("20261123120000_InitialWarehouse", migrations[0]);
        foreach (var migration in migrations)
        {
            // One release after the other; before the last, the layout the migrations used to leave behind.
            if (migration == "20261127000000_RepeatableReport")
            {
                await PreviousLayoutAsync(stepwise);
            }

            await using var context = WarehouseMigrator.CreateContext(stepwise.ConnectionString);
            await context.GetService<IMigrator>().MigrateAsync(migration);
        }

        var applied = await WarehouseMigrator.MigrateAsync(stepwise.ConnectionString, CancellationToken.None);
        Assert.Empty(applied.Migrations);
        Assert.Equal([.. ReportScripts.All.Select(script => script.Path), ReportScripts.ReaderScript], applied.ReportScripts);

        var expected = await SchemaDefinitions.ReadAsync(fresh);
        Assert.Contains(expected, line => line.StartsWith("view report.data_quality ", StringComparison.Ordinal));
        Assert.Equal(expected, await SchemaDefinitions.ReadAsync(stepwise));
        Assert.Equal(0, await stepwise.CountAsync("SELECT count(*) FROM pg_class WHERE relname = 'data_quality_base'"));
    }

    [Fact]
    public async Task Several_processes_migrating_an_empty_database_at_once_all_succeed_and_apply_each_script_once()
    {
        await using var fresh = await TestCluster.CreateDatabaseAsync(migrated: false);
        await WarehouseMigrator.MigrateAsync(fresh.ConnectionString, CancellationToken.None);

        await using var raced = await TestCluster.CreateDatabaseAsync(migrated: false);
        var unpooled = new NpgsqlConnectionStringBuilder(raced.ConnectionString) { Pooling = false }.ConnectionString;
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => WarehouseMigrator.MigrateAsync(unpooled, CancellationToken.None))));

        Assert.Equal(ReportScripts.All.Count, results.Sum(result => result.ReportScripts.Count(path => path.StartsWith("sql/report/", StringComparison.Ordinal))));
        Assert.Equal(await SchemaDefinitions.ReadAsync(fresh), await SchemaDefinitions.ReadAsync(raced));
    }

    [Fact]
    public async Task Only_a_changed_or_missing_definition_is_applied_again()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        var before = await SchemaDefinitions.ReadAsync(database);
        Assert.Empty((await WarehouseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None)).ReportScripts);

        // A text that changed (its recorded checksum differs), and a view a migration dropped.
        await database.ExecuteAsync("""
            UPDATE warehouse.report_scripts SET sha256 = sha256('older text') WHERE script = 'sql/report/category_trends.sql';
            DROP VIEW report.revisions;
            """);
        Assert.Equal(
            ["sql/report/category_trends.sql", "sql/report/revisions.sql", ReportScripts.ReaderScript],
            (await WarehouseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None)).ReportScripts);
        Assert.Equal(before, await SchemaDefinitions.ReadAsync(database));
    }

    [Fact]
    public async Task A_view_whose_columns_changed_is_dropped_and_created_again_unless_a_view_of_someone_else_depends_on_it()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        var before = await SchemaDefinitions.ReadAsync(database);

        // CREATE OR REPLACE cannot turn this back into report.digests: its columns have other names and types.
        await database.ExecuteAsync("""
            DROP VIEW report.digests;
            CREATE VIEW report.digests AS SELECT 'x'::text AS digest_id, 1 AS other;
            CREATE VIEW public.analyst_view AS SELECT other FROM report.digests;
            UPDATE warehouse.report_scripts SET sha256 = sha256('older text') WHERE script = 'sql/report/digests.sql';
            """);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => WarehouseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None));
        Assert.Contains("sql/report/digests.sql needs report.digests dropped and created again, and public.analyst_view depends on it", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM pg_attribute WHERE attrelid = 'report.digests'::regclass AND attname = 'other'"));

        await database.ExecuteAsync("DROP VIEW public.analyst_view");
        Assert.Equal(["sql/report/digests.sql", ReportScripts.ReaderScript], (await WarehouseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None)).ReportScripts);
        Assert.Equal(before, await SchemaDefinitions.ReadAsync(database));
    }

    /// <summary>
    /// What the migrations of the previous release left beside their tables: report.data_quality appending
    /// a row to report_store.data_quality_base (the former view, moved with its grant), and a view whose
    /// columns the current definition changes.
    /// </summary>
    private static async Task PreviousLayoutAsync(TestDatabase database) =>
        await database.ExecuteAsync("""
            DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'etl_reader') THEN CREATE ROLE etl_reader NOLOGIN; END IF; END $$;
            CREATE VIEW report.data_quality AS SELECT 'rejected_files'::text AS metric, NULL::text AS detail, count(*) AS value FROM warehouse.digests;
            GRANT SELECT ON report.data_quality TO etl_reader;
            ALTER VIEW report.data_quality SET SCHEMA report_store;
            ALTER VIEW report_store.data_quality RENAME TO data_quality_base;
            CREATE VIEW report.data_quality AS SELECT metric, detail, value FROM report_store.data_quality_base;
            CREATE VIEW report.digests AS SELECT digest_id, path FROM warehouse.digests;
            """);
}
