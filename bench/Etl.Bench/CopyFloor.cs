using System.Diagnostics;
using Etl.Data;
using Etl.Migrations;
using Npgsql;

namespace Etl.Bench;

/// <summary>
/// The floors a backfill is measured against: how long PostgreSQL takes to COPY the loaded warehouse's rows
/// into empty tables with their keys, checks and indexes, in one transaction, on the same server in the same
/// run. The rows are dumped to files first (binary COPY), so the timed part is only the load.
/// <list type="bullet">
/// <item><see cref="FinalRowsAsync"/>, the floor of record: the answer alone (papers, versions, authors and the
/// two link tables) into the definitions frozen in <c>Floors/final_rows.sql</c>, so neither what the loader
/// chooses to keep nor a change of design moves it.</item>
/// <item><see cref="AllTablesAsync"/>: the eleven warehouse tables, evidence included, from the current DDL:
/// what the loader's own bookkeeping would cost if PostgreSQL were handed it ready-made.</item>
/// </list>
/// </summary>
internal static class CopyFloor
{
    /// <summary>The answer's tables, in an order that satisfies their foreign keys.</summary>
    private static readonly string[] FinalTables = ["authors", "papers", "paper_versions", "paper_authors", "paper_categories"];

    /// <summary>Every warehouse table, in an order that satisfies their foreign keys.</summary>
    private static readonly string[] WarehouseTables =
        ["digests", "evidence", "rejections", "categories", "authors", "author_variants", "papers", "paper_versions", "paper_authors", "paper_categories", "compact_versions"];

    public static Task<TimeSpan> FinalRowsAsync(NpgsqlDataSource dataSource, string dumpDirectory, CancellationToken cancellationToken) =>
        MeasureAsync(dataSource, dumpDirectory, "floor_final", FinalTables, [FloorScript("final_rows")], cancellationToken);

    public static Task<TimeSpan> AllTablesAsync(NpgsqlDataSource dataSource, string dumpDirectory, CancellationToken cancellationToken) =>
        MeasureAsync(dataSource, dumpDirectory, "floor", WarehouseTables,
        [
            WarehouseDdl("001_warehouse"),
            WarehouseDdl("003_rules_version"),

            // Formats are rows the format columns reference (migration SourceFormats): same keys as the warehouse.
            WarehouseDdl("004_source_formats"),

            // The snapshot shares detailed's precedence (012_snapshot.sql drops the uniqueness).
            "ALTER TABLE floor.source_formats DROP CONSTRAINT source_formats_precedence_key",
            "INSERT INTO floor.source_formats SELECT * FROM warehouse.source_formats",
            WarehouseDdl("005_source_format_keys"),
            WarehouseDdl("007_reporting_performance"),
        ], cancellationToken);

    private static async Task<TimeSpan> MeasureAsync(
        NpgsqlDataSource dataSource, string dumpDirectory, string schema, string[] tables, string[] setup, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"DROP SCHEMA IF EXISTS {schema} CASCADE", cancellationToken).ConfigureAwait(false);
        foreach (var statement in setup)
        {
            await ExecuteAsync(connection, statement, cancellationToken).ConfigureAwait(false);
        }

        // The warehouse's rows in the floor tables' columns (a frozen table may have fewer than today's).
        Directory.CreateDirectory(dumpDirectory);
        foreach (var table in tables)
        {
            var columns = await ColumnsAsync(connection, schema, table, cancellationToken).ConfigureAwait(false);
            await using var file = File.Create(Path.Combine(dumpDirectory, table + ".bin"));
            await using var copy = await connection.BeginRawBinaryCopyAsync(
                $"COPY (SELECT {columns} FROM warehouse.{table}) TO STDOUT (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            await copy.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, "CHECKPOINT", cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var table in tables)
            {
                await using var file = File.OpenRead(Path.Combine(dumpDirectory, table + ".bin"));
                await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY {schema}.{table} FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
                await file.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var elapsed = clock.Elapsed;
        await ExecuteAsync(connection, $"DROP SCHEMA {schema} CASCADE", cancellationToken).ConfigureAwait(false);
        Directory.Delete(dumpDirectory, recursive: true);
        return elapsed;
    }

    private static async Task<string> ColumnsAsync(NpgsqlConnection connection, string schema, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2",
            connection);
        command.Parameters.AddWithValue(schema);
        command.Parameters.AddWithValue(table);
        return (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>A script of <c>bench/Etl.Bench/Floors</c>, copied beside the benchmark.</summary>
    internal static string FloorScript(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Floors", name + ".sql"));

    /// <summary>A schema script of the warehouse, made to build the same tables in schema <c>floor</c>.</summary>
    private static string WarehouseDdl(string script) =>
        EmbeddedSql.Read(typeof(WarehouseMigrator).Assembly, $"sql/schema/{script}.sql")
            .Replace("CREATE SCHEMA IF NOT EXISTS report;", string.Empty, StringComparison.Ordinal)
            .Replace("warehouse.", "floor.", StringComparison.Ordinal)
            .Replace("SCHEMA IF NOT EXISTS warehouse", "SCHEMA floor", StringComparison.Ordinal);

    /// <summary>A statement (or script) without a timeout: the benchmark's statements grow with the corpus.</summary>
    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
