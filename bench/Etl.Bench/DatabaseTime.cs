using Npgsql;

namespace Etl.Bench;

/// <summary>
/// The server's own time for what ran in one database between two calls: execution and planning of every
/// top-level statement (COPY, DO and COMMIT included), from <c>pg_stat_statements</c>, which the embedded
/// cluster preloads where the library is installed. A COPY counts from its start to its end: for a
/// small batch the loader encodes the rows first (CopyRows), so that is the server's work and the
/// transfer; for a streamed one it includes waiting for the rows the client parses.
/// </summary>
internal sealed class DatabaseTime : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private DatabaseTime(NpgsqlConnection connection) => _connection = connection;

    /// <returns>null when the server does not preload <c>pg_stat_statements</c> (a cluster started before it did, or without the library).</returns>
    public static async Task<DatabaseTime?> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var loaded = new NpgsqlCommand("SELECT current_setting('shared_preload_libraries') ~ 'pg_stat_statements'", connection))
        {
            if (!(bool)(await loaded.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                return null;
            }
        }

        await using (var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new DatabaseTime(connection);
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await using var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset()", _connection);
        await reset.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Each statement's time since <see cref="ResetAsync"/>, by its text, from every session but this one's own calls; their sum is the database time.</summary>
    public async Task<Dictionary<string, StatementTime>> StatementsAsync(CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand(
            $"SELECT query, total_exec_time, total_plan_time, calls FROM pg_stat_statements {Scope}", _connection);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var statements = new Dictionary<string, StatementTime>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // One text can have several entries (one per user or top-level flag): add them up.
            var time = new StatementTime(reader.GetDouble(1), reader.GetDouble(2), reader.GetInt64(3));
            statements[reader.GetString(0)] = statements.TryGetValue(reader.GetString(0), out var earlier)
                ? new StatementTime(earlier.ExecutionMs + time.ExecutionMs, earlier.PlanningMs + time.PlanningMs, earlier.Calls + time.Calls)
                : time;
        }

        return statements;
    }

    // This database, without this class's own calls.
    private const string Scope = """
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND query NOT LIKE '%pg_stat_statements%'
        """;

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
