using System.CommandLine;
using System.Text;
using Etl.Cli.Terminal;
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
    public static Command Create(IConfiguration configuration)
    {
        var view = new Argument<string>("view") { Description = "A view of schema report (papers, revisions, authors, …; see docs/reporting.md)", Arity = ArgumentArity.ZeroOrOne };
        var where = new Option<string>("--where") { Description = "A SQL condition on the view's columns; runs in a read-only transaction", HelpName = "SQL" };
        var limit = PositiveInt.Option("--limit", "Print at most N rows");
        var format = new Option<string>("--format") { Description = "table (default), csv with a header row, or json (one array of objects)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(Rows.Formats);
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
        var (columns, rows) = await Rows.ReadAsync(reader, cancellationToken).ConfigureAwait(false);
        Rows.Write(output, format, columns, rows);
    }

}
