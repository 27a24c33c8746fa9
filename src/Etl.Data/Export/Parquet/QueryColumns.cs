using System.Data;
using Npgsql;
using Npgsql.Schema;
using NpgsqlTypes;

namespace Etl.Data.Export.Parquet;

/// <summary>
/// The columns of a query as PostgreSQL describes them (without running it), each with its export plan
/// and its description: the comment on the view or table column it comes from (the report views carry
/// their data dictionary as comments), else the table's own note, else none.
/// </summary>
internal static class QueryColumns
{
    public static async Task<IReadOnlyList<(ColumnPlan Plan, string? Description)>> DescribeAsync(
        NpgsqlConnection connection, string query, IReadOnlyDictionary<string, string>? notes, CancellationToken cancellationToken)
    {
        List<NpgsqlDbColumn> columns;
        await using (var command = new NpgsqlCommand(query, connection))
        await using (var reader = await command.ExecuteReaderAsync(CommandBehavior.SchemaOnly, cancellationToken).ConfigureAwait(false))
        {
            columns = [.. (await reader.GetColumnSchemaAsync(cancellationToken).ConfigureAwait(false)).Cast<NpgsqlDbColumn>()];
        }

        var comments = await CommentsAsync(connection, columns, cancellationToken).ConfigureAwait(false);
        return [.. columns.Select((column, i) => (
            ParquetTypes.Plan(column.ColumnName, column.PostgresType),
            comments[i] ?? notes?.GetValueOrDefault(column.ColumnName)))];
    }

    private static async Task<string?[]> CommentsAsync(NpgsqlConnection connection, List<NpgsqlDbColumn> columns, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT col_description(c.relation, c.attnum) FROM unnest(@relations, @attnums) WITH ORDINALITY AS c(relation, attnum, n) ORDER BY c.n",
            connection);
        command.Parameters.Add(new NpgsqlParameter("relations", NpgsqlDbType.Array | NpgsqlDbType.Oid) { Value = columns.Select(column => column.TableOID).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("attnums", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = columns.Select(column => (int)(column.ColumnAttributeNumber ?? 0)).ToArray() });
        var comments = new string?[columns.Count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; await reader.ReadAsync(cancellationToken).ConfigureAwait(false); i++)
        {
            comments[i] = reader.IsDBNull(0) ? null : reader.GetString(0);
        }

        return comments;
    }
}
