using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Etl.Cli.Terminal;

/// <summary>
/// Query results on the terminal, as <c>etl report</c> and <c>etl search</c> print them: <c>table</c> (cells
/// cut at 60 characters, one line each), <c>csv</c> with a header row, or <c>json</c> (one array of objects).
/// Dates are ISO, times UTC, arrays joined with "; " in table and csv and kept as arrays in json.
/// </summary>
internal static class Rows
{
    private const int TableCellWidth = 60;

    /// <summary>The formats <c>--format</c> accepts.</summary>
    public static readonly string[] Formats = ["table", "csv", "json"];

    /// <summary>Every row of a reader, values as Npgsql gives them (null for SQL null).</summary>
    public static async Task<(string[] Columns, List<object?[]> Rows)> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[columns.Length];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return (columns, rows);
    }

    public static void Write(TextWriter output, string format, string[] columns, List<object?[]> rows)
    {
        switch (format)
        {
            case "csv":
                WriteCsv(output, columns, rows);
                break;
            case "json":
                WriteJson(output, columns, rows);
                break;
            default:
                WriteTable(output, columns, rows);
                break;
        }
    }

    private static void WriteTable(TextWriter output, string[] columns, List<object?[]> rows)
    {
        var cells = rows.Select(row => row.Select(value => Truncate(Text(value))).ToArray()).ToList();
        var widths = columns.Select((column, i) => Math.Max(column.Length, cells.Select(row => row[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        output.WriteLine(string.Join(" | ", columns.Select((column, i) => column.PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("-+-", widths.Select(width => new string('-', width))));
        foreach (var row in cells)
        {
            output.WriteLine(string.Join(" | ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        output.WriteLine(rows.Count == 1 ? "(1 row)" : $"({rows.Count} rows)");
    }

    private static void WriteCsv(TextWriter output, string[] columns, List<object?[]> rows)
    {
        output.WriteLine(string.Join(',', columns.Select(Csv)));
        foreach (var row in rows)
        {
            output.WriteLine(string.Join(',', row.Select(value => Csv(Text(value)))));
        }
    }

    private static void WriteJson(TextWriter output, string[] columns, List<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < columns.Length; i++)
                {
                    json.WritePropertyName(columns[i]);
                    WriteJsonValue(json, row[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int or long or short or decimal or double or float:
                json.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case Array array when value is not byte[]:
                json.WriteStartArray();
                foreach (var item in array)
                {
                    WriteJsonValue(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Text(value));
                break;
        }
    }

    /// <summary>One cell as text: ISO dates and UTC times, arrays joined with "; ".</summary>
    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        DateTime time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        byte[] bytes => Convert.ToHexStringLower(bytes),
        Array array => string.Join("; ", array.Cast<object?>().Select(Text)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Truncate(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= TableCellWidth ? line : line[..(TableCellWidth - 1)] + "…";
    }

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
