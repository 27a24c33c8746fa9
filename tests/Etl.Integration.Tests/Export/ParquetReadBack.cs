using DuckDB.NET.Data;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Export;

/// <summary>
/// Reads exported files back with DuckDB (its own Parquet reader, nothing of the export's code) and the
/// warehouse with Npgsql, as canonical rows (<see cref="RowCanon"/>), and compares them as multisets: an
/// export writes rows in no particular order.
/// </summary>
internal static class ParquetReadBack
{
    /// <summary>The file's columns as DuckDB reads them: name and DuckDB type (<c>VARCHAR[]</c>, <c>TIMESTAMP WITH TIME ZONE</c>, …).</summary>
    public static List<(string Name, string Type)> Columns(string file) =>
        Query($"DESCRIBE SELECT * FROM read_parquet({Literal(file)})", row => ((string)row[0]!, (string)row[1]!));

    /// <summary>Every row of the file, canonical, sorted.</summary>
    public static List<string> Rows(string file) =>
        [.. Query($"SELECT * FROM read_parquet({Literal(file)})", RowCanon.Row).Order(StringComparer.Ordinal)];

    /// <summary>Rows per row group of the file, from its footer.</summary>
    public static List<long> RowGroups(string file) =>
        Query($"SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata({Literal(file)}) ORDER BY row_group_id", row => (long)row[1]!);

    /// <summary>Runs DuckDB SQL (in memory) and maps each row.</summary>
    public static List<T> Query<T>(string sql, Func<object?[], T> map)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(map(values));
        }

        return rows;
    }

    /// <summary>The rows of a warehouse query, canonical, sorted, and its column names.</summary>
    public static async Task<(List<string> Names, List<string> Rows)> WarehouseAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(RowCanon.Row(values));
        }

        rows.Sort(StringComparer.Ordinal);
        return (names, rows);
    }

    /// <summary>The file holds exactly the rows of <paramref name="sql"/> (at least one), with the same column names.</summary>
    public static async Task AssertSameAsync(NpgsqlDataSource dataSource, string sql, string file)
    {
        var (names, expected) = await WarehouseAsync(dataSource, sql);
        Assert.Equal(names, Columns(file).Select(column => column.Name));
        Assert.NotEmpty(expected);
        var actual = Rows(file);
        if (expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            return;
        }

        var missing = expected.Except(actual, StringComparer.Ordinal).Take(3);
        var extra = actual.Except(expected, StringComparer.Ordinal).Take(3);
        Assert.Fail($"{Path.GetFileName(file)} differs from `{sql}`: {actual.Count} rows, expected {expected.Count}.{Environment.NewLine}" +
            $"missing: {string.Join(Environment.NewLine, missing)}{Environment.NewLine}unexpected: {string.Join(Environment.NewLine, extra)}");
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
