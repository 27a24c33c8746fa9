using Etl.Integration.Tests.Infrastructure;
using Etl.Migrations;
using Etl.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>The reporting migration on a warehouse loaded before it: it fills its store, and it can be rolled back.</summary>
public sealed class ReportingMigrationTests
{
    [SharedSamplesFact]
    public async Task Migrating_a_loaded_warehouse_down_and_up_keeps_the_contract_views()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.LoadAsync(SharedSamples.Files("seeds"));
        var loaded = await database.DumpAsync();

        await MigrateAsync(database, "20261123120000_InitialWarehouse");
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM pg_namespace WHERE nspname = 'report_store'"));
        Assert.Equal(loaded, await database.DumpAsync());

        await MigrateAsync(database, null);
        Assert.Equal(193, await database.CountAsync("SELECT count(*) FROM report_store.paper_lists"));
        Assert.Equal(loaded, await database.DumpAsync());
    }

    private static async Task MigrateAsync(TestDatabase database, string? target)
    {
        await using var context = WarehouseMigrator.CreateContext(database.ConnectionString);
        await context.GetService<IMigrator>().MigrateAsync(target);
    }
}
