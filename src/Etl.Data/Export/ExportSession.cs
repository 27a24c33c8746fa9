using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace Etl.Data.Export;

/// <summary>
/// One export's connection and snapshot: a REPEATABLE READ transaction, so every file of an export shows
/// the warehouse at one instant even while loads commit, and, with <c>--since</c>, the selected papers and
/// their authors (<c>sql/export/select_since.sql</c>) that each file narrows its rows to. Nothing is
/// written but the session's temporary tables, which the end of the transaction drops.
/// </summary>
public sealed class ExportSession : IAsyncDisposable
{
    private readonly NpgsqlTransaction _transaction;

    private ExportSession(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset? since)
    {
        Connection = connection;
        _transaction = transaction;
        Since = since;
    }

    public NpgsqlConnection Connection { get; }

    /// <summary>The instant of <c>--since</c>, or null when the export is of every paper.</summary>
    public DateTimeOffset? Since { get; }

    public static async Task<ExportSession> OpenAsync(NpgsqlDataSource dataSource, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            if (since is { } instant)
            {
                // The selection's time grows with the warehouse: no command timeout (a broken connection still ends it).
                await using var select = new NpgsqlCommand(EmbeddedSql.Export("select_since"), connection, transaction) { CommandTimeout = 0 };
                select.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = instant.UtcDateTime });
                await select.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return new ExportSession(connection, transaction, since);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The rows of <paramref name="query"/> (one of <c>sql/export</c>) that belong to the selected papers
    /// (<paramref name="key"/> says how a row belongs), or all of them when the export is of every paper.
    /// The query is the repository's own SQL, wrapped as a subquery (PostgreSQL pushes the condition into it).
    /// </summary>
    public string Narrow(string query, ExportKey key)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Since is null)
        {
            return query;
        }

        var condition = key switch
        {
            ExportKey.Paper => "exported.arxiv_id IN (SELECT arxiv_id FROM export_papers)",
            ExportKey.Author => "exported.author_key IN (SELECT author_key FROM export_authors)",
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "no narrowing for this key"),
        };

        // The line break keeps a trailing comment of the query from swallowing the closing parenthesis.
        return $"SELECT * FROM ({query}\n) AS exported WHERE {condition}";
    }

    /// <summary>When the snapshot was taken: the transaction's start, by the server's clock.</summary>
    public async Task<DateTimeOffset> SnapshotTimeAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT now()", Connection, _transaction);
        var time = (DateTime)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return new DateTimeOffset(time, TimeSpan.Zero);
    }

    public async ValueTask DisposeAsync()
    {
        // Read-only work: rolling back ends the snapshot and drops the temporary tables.
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
