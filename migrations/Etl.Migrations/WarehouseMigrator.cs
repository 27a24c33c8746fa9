using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Etl.Migrations;

/// <summary>Brings a database to the latest warehouse schema; safe to run again and from several processes at once.</summary>
public static class WarehouseMigrator
{
    /// <summary>Applies pending migrations and returns the names of those it applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var context = CreateContext(connectionString);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        if (pending.Count > 0)
        {
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        await SourceFormatRows.WriteAsync(context, cancellationToken).ConfigureAwait(false);
        return pending;
    }

    public static WarehouseContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<WarehouseContext>()
            .UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsAssembly(typeof(WarehouseMigrator).Assembly.GetName().Name)
                .MigrationsHistoryTable("__EFMigrationsHistory", WarehouseContext.Schema))
            // The schema is written as SQL in sql/, so EF's model snapshot does not describe every
            // table; the model only maps what the code queries.
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;
        return new WarehouseContext(options);
    }
}
