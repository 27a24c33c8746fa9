using Etl.Data.Export;
using Etl.Data.Export.Parquet;
using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Export;

/// <summary>
/// Every PostgreSQL type a report view can have, through <c>--view</c> and back through DuckDB: nulls, empty
/// and null lists, null elements, times before 1970 and after 2038, infinities, non-ASCII text, bytes;
/// and what happens when a value cannot be written.
/// </summary>
public sealed class ParquetTypeTests
{
    private const string Types = """
        CREATE VIEW report.export_types AS
        SELECT * FROM (VALUES
            (1, 2::int2, 3::int4, 4000000000::int8, 1.5::float4, 2.25::float8, 3.125::numeric, true, 'Amélie ✓ "quoted" | piped'::text, ''::varchar,
             '\x00ff10'::bytea, '2020-02-29'::date, '1969-12-31 23:59:59.999999'::timestamp, '2038-01-19 03:14:08.123456+00'::timestamptz,
             ARRAY['a', 'b ✓']::text[], ARRAY[]::int4[], ARRAY[1, 9000000000]::int8[], '{"a": [1, 2]}'::jsonb, '1 day 02:00:00'::interval,
             'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, ARRAY[1.5, 2.75]::numeric[], ARRAY['2020-01-01'::date], ARRAY[true, false]),
            (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
            (3, (-32768)::int2, (-2147483648)::int4, (-9223372036854775808)::int8, (-0.0)::float4, 1e300::float8, (-0.0001)::numeric, false, 'x', 'y',
             ''::bytea, 'infinity'::date, '-infinity'::timestamp, 'infinity'::timestamptz,
             ARRAY['a', NULL, 'c']::text[], ARRAY[NULL, 7]::int4[], ARRAY[]::int8[], 'null'::jsonb, '-3 mons'::interval,
             '00000000-0000-0000-0000-000000000000'::uuid, ARRAY[]::numeric[], ARRAY[NULL]::date[], NULL))
        AS t(id, small, medium, big, single, double, exact, flag, text, empty, bytes, day, local_time, utc_time,
             texts, no_ints, bigs, json, span, uuid, exacts, days, flags)
        """;

    // The view's values as PostgreSQL gives them, with the types written as text spelled out as text.
    private const string Expected = """
        SELECT id, small, medium, big, single, double, exact, flag, text, empty, bytes, day, local_time, utc_time,
               texts, no_ints, bigs, json::text AS json, span::text AS span, uuid::text AS uuid, exacts, days, flags
        FROM report.export_types
        """;

    [Fact]
    public async Task Every_type_reads_back_as_itself()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.ExecuteAsync(Types);
        using var folder = new ExportFolder();
        await new ParquetExport().WriteAsync(database.DataSource, new ExportRequest(folder.Path, View: "export_types"), CancellationToken.None);
        var file = folder.File("export_types.parquet");

        Assert.Equal(
            [("id", "INTEGER"), ("small", "SMALLINT"), ("medium", "INTEGER"), ("big", "BIGINT"), ("single", "FLOAT"), ("double", "DOUBLE"),
             ("exact", "DOUBLE"), ("flag", "BOOLEAN"), ("text", "VARCHAR"), ("empty", "VARCHAR"), ("bytes", "BLOB"), ("day", "DATE"),
             ("local_time", "TIMESTAMP"), ("utc_time", "TIMESTAMP WITH TIME ZONE"), ("texts", "VARCHAR[]"), ("no_ints", "INTEGER[]"),
             ("bigs", "BIGINT[]"), ("json", "VARCHAR"), ("span", "VARCHAR"), ("uuid", "VARCHAR"), ("exacts", "DOUBLE[]"), ("days", "DATE[]"),
             ("flags", "BOOLEAN[]")],
            ParquetReadBack.Columns(file));

        // Rows 1 and 2 value by value; row 3, with infinite dates and null list elements (which neither Npgsql
        // nor DuckDB.NET hand to .NET as plain arrays), in DuckDB's own SQL and text below.
        var (_, expected) = await ParquetReadBack.WarehouseAsync(database.DataSource, Expected + " WHERE id < 3");
        var actual = ParquetReadBack.Query(
            $"SELECT * FROM read_parquet('{file}') WHERE id < 3", RowCanon.Row).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);

        var third = Assert.Single(ParquetReadBack.Query(
            $"""
            SELECT small, medium, big, isinf(day) AND day > DATE '2000-01-01', isinf(local_time) AND local_time < TIMESTAMP '2000-01-01',
                   isinf(utc_time), texts::VARCHAR, no_ints::VARCHAR, len(bigs), json, span, len(exacts), days::VARCHAR, flags IS NULL
            FROM read_parquet('{file}') WHERE id = 3
            """,
            RowCanon.Row));
        Assert.Equal("-32768 | -2147483648 | -9223372036854775808 | true | true | true | \"[a, NULL, c]\" | \"[NULL, 7]\" | 0 | \"null\" | \"-3 mons\" | 0 | \"[NULL]\" | true", third);
    }

    [Fact]
    public async Task A_value_that_cannot_be_written_fails_the_export_and_leaves_the_previous_files()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.ExecuteAsync(Types);
        await database.ExecuteAsync("CREATE VIEW report.export_matrix AS SELECT 1 AS id, ARRAY[[1, 2], [3, 4]] AS m");
        using var folder = new ExportFolder();
        await new ParquetExport().WriteAsync(database.DataSource, new ExportRequest(folder.Path, View: "export_types"), CancellationToken.None);
        var readme = await File.ReadAllTextAsync(folder.File("README.md"));

        var failure = await Assert.ThrowsAsync<InvalidDataException>(() =>
            new ParquetExport().WriteAsync(database.DataSource, new ExportRequest(folder.Path, View: "export_matrix"), CancellationToken.None));

        Assert.Contains("column m holds an array of 2 dimensions", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["README.md", "export_types.parquet"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(readme, await File.ReadAllTextAsync(folder.File("README.md")));
        Assert.Equal(3, ParquetReadBack.Query($"SELECT count(*) FROM read_parquet('{folder.File("export_types.parquet")}')", row => (long)row[0]!).Single());
    }
}
