using Etl.Core.Reporting;
using Npgsql;

namespace Etl.Data.Reporting;

/// <summary>
/// Reads both contract views back as <see cref="ReportPaper"/> rows in arXiv id order (byte order), the
/// form <see cref="ReportJson"/> dumps. Two warehouses are equal when their dumps are.
/// </summary>
public static class ReportDump
{
    public static async Task<IReadOnlyList<ReportPaper>> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var versions = new Dictionary<string, List<ReportVersion>>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand(
            "SELECT arxiv_id, version, submitted_at, title, abstract, source FROM report.paper_versions ORDER BY arxiv_id COLLATE \"C\", version"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var arxivId = reader.GetString(0);
                if (!versions.TryGetValue(arxivId, out var list))
                {
                    versions[arxivId] = list = [];
                }

                list.Add(new ReportVersion(
                    reader.GetInt32(1),
                    reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTime>(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }

        var papers = new List<ReportPaper>();
        await using (var command = dataSource.CreateCommand("""
            SELECT arxiv_id, latest_version, title, abstract, authors, primary_category, categories,
                   published_at, updated_at, doi, journal_ref, comment
            FROM report.papers
            ORDER BY arxiv_id COLLATE "C"
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var arxivId = reader.GetString(0);
                papers.Add(new ReportPaper(
                    arxivId,
                    reader.GetInt32(1),
                    Text(reader, 2),
                    Text(reader, 3),
                    reader.GetFieldValue<string[]>(4),
                    Text(reader, 5),
                    reader.GetFieldValue<string[]>(6),
                    reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTime>(7),
                    reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTime>(8),
                    Text(reader, 9),
                    Text(reader, 10),
                    Text(reader, 11),
                    versions.GetValueOrDefault(arxivId) ?? []));
            }
        }

        return papers;
    }

    /// <summary>The dump as canonical JSON lines.</summary>
    public static async Task<IReadOnlyList<string>> ReadJsonLinesAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default) =>
        [.. (await ReadAsync(dataSource, cancellationToken).ConfigureAwait(false)).Select(ReportJson.Serialize)];

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
