using Etl.Core.Reconciliation;
using Npgsql;

namespace Etl.Data.Loading;

/// <summary>
/// Stages the display name of every author the batch touched for <c>apply_papers.sql</c>, and the
/// authors it renames (<c>renamed_authors</c>: their papers' lists and their names in the author store
/// follow). A name is chosen again from all of that author's spelling counts when the batch may change
/// it (<c>read_author_names.sql</c> says when); the choice itself is <see cref="AuthorDisplayName"/>.
/// Authors are taken one key range at a time (<see cref="KeyRanges"/>), so the names held here never
/// exceed one range, whatever the batch.
/// </summary>
internal static class AuthorNames
{
    /// <param name="connection">The batch's connection, with its <c>touched_authors</c> and <c>staged_spellings</c>.</param>
    /// <param name="rangeKeys">Authors per range (<see cref="LoaderOptions.ReconcileKeys"/>).</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    public static async Task StageAsync(NpgsqlConnection connection, int rangeKeys, CancellationToken cancellationToken)
    {
        var staged = new CopyRows("COPY staged_authors (author_key, display_name) FROM STDIN (FORMAT BINARY)");
        var renamed = new CopyRows("COPY renamed_authors (author_key) FROM STDIN (FORMAT BINARY)");
        await foreach (var (after, last) in KeyRanges.WalkAsync(connection, KeyRanges.TouchedAuthors, rangeKeys, cancellationToken).ConfigureAwait(false))
        {
            foreach (var (key, name, isRename) in await ChooseAsync(connection, after, last, cancellationToken).ConfigureAwait(false))
            {
                staged.StartRow(2);
                staged.Write(key);
                staged.Write(name);
                if (isRename)
                {
                    renamed.StartRow(1);
                    renamed.Write(key);
                }
            }

            await staged.CopyAsync(connection, cancellationToken).ConfigureAwait(false);
            await renamed.CopyAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<List<(string Key, string Name, bool IsRename)>> ChooseAsync(
        NpgsqlConnection connection, string? after, string last, CancellationToken cancellationToken)
    {
        var chosen = new List<(string Key, string Name, bool IsRename)>();
        await using var command = LoadSql.Command(EmbeddedSql.Load("read_author_names"), connection);
        KeyRanges.Bind(command, after, last);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        string? key = null, current = null;
        var variants = new List<AuthorVariant>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var rowKey = reader.GetString(0);
            if (key is not null && !string.Equals(rowKey, key, StringComparison.Ordinal))
            {
                chosen.Add(Choose(key, current, variants));
                (current, variants) = (null, []);
            }

            key = rowKey;
            // A row without entries is the author's current name (it comes first); the others are spellings.
            if (reader.IsDBNull(2))
            {
                current = reader.GetString(1);
            }
            else
            {
                variants.Add(new AuthorVariant(reader.GetString(1), reader.GetInt64(2)));
            }
        }

        if (key is not null)
        {
            chosen.Add(Choose(key, current, variants));
        }

        return chosen;
    }

    /// <summary>The author's name now: chosen again when its spellings were read, else the current one.</summary>
    private static (string Key, string Name, bool IsRename) Choose(string key, string? current, List<AuthorVariant> variants)
    {
        if (variants.Count == 0)
        {
            return (key, current ?? throw new InvalidOperationException($"author '{key}' was touched but has neither a name nor a spelling"), false);
        }

        var name = AuthorDisplayName.Choose(variants);
        return (key, name, current is not null && !string.Equals(current, name, StringComparison.Ordinal));
    }
}
