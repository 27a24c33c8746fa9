using System.Diagnostics;
using Etl.Data;
using Etl.Migrations;
using Npgsql;

namespace Etl.Bench;

/// <summary>
/// The floor of a backfill: how long PostgreSQL takes to COPY the loaded warehouse's final rows into
/// empty tables with the same indexes and constraints (schema <c>floor</c>, made from the same DDL).
/// The rows are dumped to files first (binary COPY), so the timed part is only the load.
/// </summary>
internal static class CopyFloor
{
    /// <summary>Tables in an order that satisfies their foreign keys.</summary>
    private static readonly string[] Tables =
        ["digests", "evidence", "rejections", "categories", "authors", "author_variants", "papers", "paper_versions", "paper_authors", "paper_categories", "compact_versions"];

    public static async Task<TimeSpan> MeasureAsync(NpgsqlDataSource dataSource, string dumpDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dumpDirectory);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in Tables)
        {
            await using var file = File.Create(Path.Combine(dumpDirectory, table + ".bin"));
            await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY warehouse.{table} TO STDOUT (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            await copy.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, "DROP SCHEMA IF EXISTS floor CASCADE", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, FloorDdl("001_warehouse"), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, FloorDdl("003_rules_version"), cancellationToken).ConfigureAwait(false);

        // Formats are rows the format columns reference (migration SourceFormats): same keys as the warehouse.
        await ExecuteAsync(connection, FloorDdl("004_source_formats"), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "INSERT INTO floor.source_formats SELECT * FROM warehouse.source_formats", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, FloorDdl("005_source_format_keys"), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, FloorDdl("007_reporting_performance"), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "CHECKPOINT", cancellationToken).ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var table in Tables)
            {
                await using var file = File.OpenRead(Path.Combine(dumpDirectory, table + ".bin"));
                await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY floor.{table} FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
                await file.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var elapsed = clock.Elapsed;
        await ExecuteAsync(connection, "DROP SCHEMA floor CASCADE", cancellationToken).ConfigureAwait(false);
        Directory.Delete(dumpDirectory, recursive: true);
        return elapsed;
    }

    /// <summary>A schema script of the warehouse, made to build the same tables in schema <c>floor</c>.</summary>
    private static string FloorDdl(string script) =>
        EmbeddedSql.Read(typeof(WarehouseMigrator).Assembly, $"sql/schema/{script}.sql")
            .Replace("CREATE SCHEMA IF NOT EXISTS report;", string.Empty, StringComparison.Ordinal)
            .Replace("warehouse.", "floor.", StringComparison.Ordinal)
            .Replace("SCHEMA IF NOT EXISTS warehouse", "SCHEMA floor", StringComparison.Ordinal);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
