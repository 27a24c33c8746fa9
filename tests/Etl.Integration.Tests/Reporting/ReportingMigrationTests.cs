using Etl.Integration.Tests.Infrastructure;
using Etl.Migrations;
using Etl.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>
/// The reporting migrations on a warehouse loaded before them: they fill their stores, and they can be rolled
/// back. Going back empties schema report (its definitions belong to the release that migrates up again).
/// </summary>
public sealed class ReportingMigrationTests
{
    [SharedSamplesFact]
    public async Task Migrating_a_loaded_warehouse_down_and_up_keeps_the_contract_views()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.LoadAsync(SharedSamples.Files("seeds"));
        var loaded = await database.DumpAsync();

        var papers = await database.CountAsync("SELECT count(*) FROM warehouse.papers");
        await MigrateAsync(database, "20261123120000_InitialWarehouse");
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM pg_namespace WHERE nspname = 'report_store'"));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM pg_class WHERE relnamespace = 'report'::regnamespace"));
        Assert.Equal(papers, await database.CountAsync("SELECT count(*) FROM warehouse.papers"));

        var applied = await WarehouseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None);
        Assert.Contains("sql/report/papers.sql", applied.ReportScripts);
        Assert.Equal(193, await database.CountAsync("SELECT count(*) FROM report_store.paper_lists"));
        Assert.Equal(loaded, await database.DumpAsync());
    }

    private static async Task MigrateAsync(TestDatabase database, string target)
    {
        await using var context = WarehouseMigrator.CreateContext(database.ConnectionString);
        await context.GetService<IMigrator>().MigrateAsync(target);
    }
}
