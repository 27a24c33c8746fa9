using System.Runtime.CompilerServices;
using Npgsql;

namespace Etl.Data.Loading;

/// <summary>
/// Cuts the keys of one of a batch's scratch tables (<c>touched_papers</c>, <c>touched_authors</c>) into
/// consecutive ranges of a bounded number of keys, in the table's key order. Work that holds
/// per-key state in the client (reconciliation, display names) then holds one range at a time, so its
/// memory does not grow with the batch: a 1 GB file is one batch of a million papers.
/// </summary>
internal static class KeyRanges
{
    /// <summary>The default range: large enough that an ordinary batch is one range (one round of queries), small enough to stay a few MB.</summary>
    public const int Size = 50_000;

    /// <summary>The largest of the next <c>$2</c> touched papers above <c>$1</c> (all keys when <c>$1</c> is null) (null when none is left): the primary key walks them.</summary>
    public const string TouchedPapers = "SELECT max(arxiv_id) FROM (SELECT arxiv_id FROM touched_papers WHERE $1::text IS NULL OR arxiv_id > $1 ORDER BY arxiv_id LIMIT $2) AS r";

    /// <summary>The largest of the next <c>$2</c> touched authors above <c>$1</c> (null when none is left).</summary>
    public const string TouchedAuthors = "SELECT max(author_key) FROM (SELECT author_key FROM touched_authors WHERE $1::text IS NULL OR author_key > $1 ORDER BY author_key LIMIT $2) AS r";

    /// <summary>Binds one range to a query's <c>@after</c> and <c>@last</c> (see <c>read_facts.sql</c>).</summary>
    public static void Bind(NpgsqlCommand command, string? after, string last)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Parameters.Add(new NpgsqlParameter<string?>("after", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = after });
        command.Parameters.AddWithValue("last", last);
    }

    /// <param name="connection">The batch's connection (the scratch tables are its own).</param>
    /// <param name="lastOfRangeSql"><see cref="TouchedPapers"/> or <see cref="TouchedAuthors"/>.</param>
    /// <param name="size">Keys per range.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>
    /// (after, last) pairs: the range is the keys k with after &lt; k &lt;= last in the table's collation;
    /// the first range has no lower bound (after is null).
    /// </returns>
    public static async IAsyncEnumerable<(string? After, string Last)> WalkAsync(
        NpgsqlConnection connection, string lastOfRangeSql, int size, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            await using var command = LoadSql.Command(lastOfRangeSql, connection);
            command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = after, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.AddWithValue(size);
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string last)
            {
                yield break;
            }

            yield return (after, last);
            after = last;
        }
    }
}
