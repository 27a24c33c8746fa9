using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Etl.Data.Reporting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Etl.Cli.Commands;

/// <summary>
/// <c>etl report &lt;view&gt; [--where SQL] [--limit N] [--format table|csv|json]</c> prints a view of schema
/// <c>report</c>; <c>etl report --html FILE</c> writes the report page. The view name is checked against
/// the catalog; <c>--where</c> is the analyst's own SQL, so the query runs in a READ ONLY transaction.
/// </summary>
internal static class ReportCommand
{
    private const int TableCellWidth = 60;

    public static Command Create(IConfiguration configuration)
    {
        var view = new Argument<string>("view") { Description = "A view of schema report (papers, revisions, authors, …; see docs/reporting.md)", Arity = ArgumentArity.ZeroOrOne };
        var where = new Option<string>("--where") { Description = "A SQL condition on the view's columns; runs in a read-only transaction", HelpName = "SQL" };
        var limit = PositiveInt.Option("--limit", "Print at most N rows");
        var format = new Option<string>("--format") { Description = "table (default), csv with a header row, or json (one array of objects)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var html = new Option<string>("--html") { Description = "Write the report page (charts of the report views, one self-contained HTML file) instead", HelpName = "FILE" };
        var command = new Command("report", "Print a view of schema report, or write the report page with --html") { view, where, limit, format, html }.WithWarehouseOptions();
        command.Validators.Add(result =>
        {
            if ((result.GetValue(view) is null) == (result.GetValue(html) is null))
            {
                result.AddError("report needs one view name (etl report papers), or --html FILE");
            }
        });
        command.SetAction(async (parsed, token) =>
        {
            await using var services = await WarehouseOptions.StartAsync(parsed, configuration, token).ConfigureAwait(false);
            var dataSource = services.GetRequiredService<NpgsqlDataSource>();
            if (parsed.GetValue(html) is { } file)
            {
                await File.WriteAllTextAsync(file, await ReportPage.RenderAsync(dataSource, token).ConfigureAwait(false), token).ConfigureAwait(false);
                Console.Error.WriteLine($"Wrote the report page to {Path.GetFullPath(file)}");
                return ExitCodes.Ok;
            }

            var name = parsed.GetRequiredValue(view);
            var filter = parsed.GetValue(where);
            try
            {
                await PrintAsync(dataSource, name, filter, parsed.GetValue(limit), parsed.GetValue(format) ?? "table", Console.Out, token).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (UnknownViewException exception)
            {
                Console.Error.WriteLine($"error: {exception.Message}");
                return ExitCodes.Fatal;
            }
            catch (PostgresException exception) when (filter is not null)
            {
                Console.Error.WriteLine($"error: report {name} --where \"{filter}\" failed: {exception.MessageText} ({exception.SqlState}); the filter is a SQL condition on the view's columns, run read-only");
                return ExitCodes.Fatal;
            }
        });
        return command;
    }

    public static async Task PrintAsync(NpgsqlDataSource dataSource, string view, string? where, int? limit, string format, TextWriter output, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var relation = await ReportViews.ResolveAsync(connection, view, cancellationToken).ConfigureAwait(false);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
        {
            await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // The name comes from the catalog (and is quoted); the filter is the analyst's SQL, confined to a read-only transaction.
        var sql = new StringBuilder("SELECT * FROM ").Append(relation);
        if (!string.IsNullOrWhiteSpace(where))
        {
            sql.Append(" WHERE (").Append(where).Append("\n)");
        }

        if (limit is not null)
        {
            sql.Append(" LIMIT @limit");
        }

        await using var command = new NpgsqlCommand(sql.ToString(), connection, transaction);
        if (limit is not null)
        {
            command.Parameters.AddWithValue("limit", limit.Value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
