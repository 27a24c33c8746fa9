using Npgsql;

namespace Etl.Service.Inbox;

/// <summary>Which of a set of file contents the warehouse already holds, with what the placement needs.</summary>
public sealed class WarehouseContents(NpgsqlDataSource dataSource)
{
    // Line 1 of a file rejected whole carries the file's reason (see BatchLoad); one statement for any number of files.
    private const string Query = """
        SELECT d.sha256, d.outcome, d.category, d.digest_date, r.reason
        FROM warehouse.digests d
        LEFT JOIN warehouse.rejections r ON r.digest_id = d.digest_id AND r.line = 1 AND d.outcome = 'rejected'
        WHERE d.sha256 = ANY(@shas)
        """;

    /// <returns>By lowercase hex sha256; contents the warehouse does not hold are absent.</returns>
    public async Task<Dictionary<string, StoredContent>> FindAsync(IEnumerable<string> sha256s, CancellationToken cancellationToken)
    {
        var shas = sha256s.Distinct(StringComparer.Ordinal).Select(Convert.FromHexString).ToArray();
        var found = new Dictionary<string, StoredContent>(StringComparer.Ordinal);
        if (shas.Length == 0)
        {
            return found;
        }

        await using var command = dataSource.CreateCommand(Query);
        command.Parameters.AddWithValue("shas", shas);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var sha = Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(0));
            found[sha] = new StoredContent(
                sha,
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4));
        }

        return found;
    }
}
