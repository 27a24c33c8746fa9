using Etl.Core.Reconciliation;
using Npgsql;

namespace Etl.Data.Loading;

/// <summary>
/// Recomputes the display name of every author the batch touched from all of that author's spelling
/// counts, and stages them for <c>apply_papers.sql</c>. The choice itself is <see cref="AuthorDisplayName"/>.
/// Authors are taken one key range at a time (<see cref="KeyRanges"/>), so the names held here never
/// exceed one range, whatever the batch.
/// </summary>
internal static class AuthorNames
{
    /// <param name="connection">The batch's connection, with its <c>touched_authors</c>.</param>
    /// <param name="rangeKeys">Authors per range (<see cref="LoaderOptions.ReconcileKeys"/>).</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public static async Task StageAsync(NpgsqlConnection connection, int rangeKeys, CancellationToken cancellationToken)
    {
        await foreach (var (after, last) in KeyRanges.WalkAsync(connection, KeyRanges.TouchedAuthors, rangeKeys, cancellationToken).ConfigureAwait(false))
        {
            var chosen = await ChooseAsync(connection, after, last, cancellationToken).ConfigureAwait(false);
            var rows = new CopyRows("COPY staged_authors (author_key, display_name) FROM STDIN (FORMAT BINARY)");
            foreach (var (key, name) in chosen)
            {
                rows.StartRow(2);
                rows.Write(key);
                rows.Write(name);
            }

            await rows.CopyAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<List<(string Key, string Name)>> ChooseAsync(NpgsqlConnection connection, string? after, string last, CancellationToken cancellationToken)
    {
        var chosen = new List<(string Key, string Name)>();
        await using var command = LoadSql.Command(EmbeddedSql.Load("read_author_variants"), connection);
        KeyRanges.Bind(command, after, last);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        string? key = null;
        var variants = new List<AuthorVariant>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var rowKey = reader.GetString(0);
            if (key is not null && !string.Equals(rowKey, key, StringComparison.Ordinal))
            {
                chosen.Add((key, AuthorDisplayName.Choose(variants)));
                variants.Clear();
            }

            key = rowKey;
            variants.Add(new AuthorVariant(reader.GetString(1), reader.GetInt64(2)));
        }

        if (key is not null)
        {
            chosen.Add((key, AuthorDisplayName.Choose(variants)));
        }

        return chosen;
    }
}
