using Npgsql;

namespace Etl.Data.Reporting;

/// <summary>
/// The views of schema <c>report</c> by name, as <c>etl report</c> and <c>etl export --view</c> take them:
/// a name is checked against the catalog before it reaches any SQL, and then quoted.
/// </summary>
public static class ReportViews
{
    /// <summary>The view a user named (<c>papers</c> or <c>report.papers</c>), as SQL: <c>report."papers"</c>.</summary>
    /// <exception cref="UnknownViewException">No view of schema report has that name; the message lists them.</exception>
    public static async Task<string> ResolveAsync(NpgsqlConnection connection, string view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var views = await NamesAsync(connection, cancellationToken).ConfigureAwait(false);
        var name = view.StartsWith("report.", StringComparison.Ordinal) ? view["report.".Length..] : view;
        if (!views.Contains(name))
        {
            throw new UnknownViewException($"'{view}' is not a view of schema report; the views are: {string.Join(", ", views.Order(StringComparer.Ordinal))}");
        }

        return "report.\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static async Task<HashSet<string>> NamesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var views = new HashSet<string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'report' AND c.relkind IN ('v', 'm')", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            views.Add(reader.GetString(0));
        }

        return views;
    }
}
