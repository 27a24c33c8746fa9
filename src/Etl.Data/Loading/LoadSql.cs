using Npgsql;

namespace Etl.Data.Loading;

/// <summary>
/// Commands for the set-based steps of loads, rebuilds and reparses. They run without a command timeout:
/// their time grows with the batch (one 1 GB file is one batch of a million papers), and Npgsql's default
/// 30 s would turn a large batch into retries that can never succeed. A server that goes away still ends
/// them, because the connection breaks.
/// </summary>
internal static class LoadSql
{
    public static NpgsqlCommand Command(string sql, NpgsqlConnection connection) => new(sql, connection) { CommandTimeout = 0 };

    /// <summary>Runs a script of <c>sql/load</c>.</summary>
    public static async Task RunAsync(NpgsqlConnection connection, string script, CancellationToken cancellationToken)
    {
        await using var command = Command(EmbeddedSql.Load(script), connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
