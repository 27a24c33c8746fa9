using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Etl.Migrations;

/// <summary>Brings a database to the latest warehouse schema; safe to run again and from several processes at once.</summary>
public static class WarehouseMigrator
{
    /// <summary>The advisory lock a migrator holds from start to end (the load lock is 7461002001).</summary>
    private const long MigrationLock = 7461002002;

    /// <summary>
    /// Applies pending migrations (tables and data), then the report scripts whose text changed (views and
    /// functions, <see cref="ReportScripts"/>), and says what it applied.
    /// </summary>
    public static async Task<MigrateResult> MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        // One migrator at a time, for the whole of it: EF Core's own lock did not keep two processes from
        // applying the same migration to an empty database (duplicate key in the history table, seen in
        // ReportScriptsTests), and the report scripts must see the tables the migrations leave. A session
        // lock on an unpooled connection of its own, so a migrator that fails or dies releases it with the
        // connection (a pooled one could go back to the pool still holding it).
        await using var guard = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await guard.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", guard) { CommandTimeout = 0 })
        {
            await take.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var context = CreateContext(connectionString);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        if (pending.Count > 0)
        {
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        await SourceFormatRows.WriteAsync(context, cancellationToken).ConfigureAwait(false);
        var scripts = await ReportScripts.ApplyAsync(guard, cancellationToken).ConfigureAwait(false);
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", guard))
        {
            await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new MigrateResult(pending, scripts);
    }

    public static WarehouseContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<WarehouseContext>()
            .UseNpgsql(connectionString, npgsql => npgsql
                // A migration that fills a store reads the whole warehouse: minutes at a million papers, where
                // the default 30 s would fail every upgrade of a large warehouse (as LoadSql's commands, none).
                .CommandTimeout(0)
                .MigrationsAssembly(typeof(WarehouseMigrator).Assembly.GetName().Name)
                .MigrationsHistoryTable("__EFMigrationsHistory", WarehouseContext.Schema))
            // The schema is written as SQL in sql/, so EF's model snapshot does not describe every
            // table; the model only maps what the code queries.
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;
        return new WarehouseContext(options);
    }
}
