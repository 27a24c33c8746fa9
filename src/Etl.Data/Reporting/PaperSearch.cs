using Npgsql;
using NpgsqlTypes;

namespace Etl.Data.Reporting;

/// <summary>
/// Runs <c>report.search_papers</c> for <c>etl search</c> and the report page (<c>sql/queries/search_papers.sql</c>):
/// the query text and filters travel as parameters, never as SQL.
/// </summary>
public static class PaperSearch
{
    public static async Task<IReadOnlyList<SearchHit>> SearchAsync(NpgsqlDataSource dataSource, SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(request);
        await using var command = dataSource.CreateCommand(EmbeddedSql.Read(typeof(PaperSearch).Assembly, "sql/queries/search_papers.sql"));
        command.Parameters.Add(new NpgsqlParameter("query", NpgsqlDbType.Text) { Value = request.Query });
        command.Parameters.Add(new NpgsqlParameter("category", NpgsqlDbType.Text) { Value = (object?)request.Category ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.Date) { Value = (object?)request.Since ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.Date) { Value = (object?)request.Until ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("max_rows", NpgsqlDbType.Integer) { Value = request.MaxRows });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var hits = new List<SearchHit>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hits.Add(new SearchHit(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetFieldValue<string[]>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTime>(5),
                reader.GetFloat(6),
                reader.GetString(7)));
        }

        return hits;
    }
}
