using Etl.Core.Model;
using Etl.Core.Normalization;
using Npgsql;
using NpgsqlTypes;

namespace Etl.Data.Loading;

/// <summary>Streams accepted entries into <c>warehouse.evidence</c> with one binary COPY per batch.</summary>
internal static class EvidenceCopy
{
    public const string Command = """
        COPY warehouse.evidence (digest_id, line, arxiv_id, format, version, title, abstract, authors, author_keys,
                                 categories, primary_category, doi, journal_ref, comment, published_at, updated_at)
        FROM STDIN (FORMAT BINARY)
        """;

    public static async Task WriteAsync(NpgsqlBinaryImporter importer, long digestId, DigestEntry entry, CancellationToken cancellationToken)
    {
        var authors = entry.Authors as string[] ?? [.. entry.Authors];
        var keys = new string[authors.Length];
        for (var i = 0; i < authors.Length; i++)
        {
            keys[i] = AuthorKey.For(authors[i]);
        }

        await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(digestId, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(entry.Line, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(entry.ArxivId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(FormatName(entry.Format), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(importer, entry.Version, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(importer, entry.Title, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(importer, entry.Abstract, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(authors, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(keys, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(entry.Categories as string[] ?? [.. entry.Categories], NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(importer, entry.PrimaryCategory, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(importer, entry.Doi, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(importer, entry.JournalRef, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(importer, entry.Comment, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(importer, entry.PublishedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(importer, entry.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
    }

    public static string FormatName(DigestFormat format) => format == DigestFormat.Detailed ? "detailed" : "compact";

    public static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : class =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    public static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value.Value, type, cancellationToken);
}
