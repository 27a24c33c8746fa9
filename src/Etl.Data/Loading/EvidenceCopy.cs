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

    /// <summary>
    /// Writes one row. Synchronous on purpose: a row only fills Npgsql's write buffer (which flushes when
    /// full), and per-field async calls cost more than the row itself on this hot path.
    /// </summary>
    /// <param name="importer">The open COPY.</param>
    /// <param name="digestId">The entry's file.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="keys">The identity of each of its authors (<see cref="AuthorKey"/>), same order.</param>
    public static void Write(NpgsqlBinaryImporter importer, long digestId, DigestEntry entry, string[] keys)
    {
        var authors = entry.Authors as string[] ?? [.. entry.Authors];

        importer.StartRow();
        importer.Write(digestId, NpgsqlDbType.Bigint);
        importer.Write(entry.Line, NpgsqlDbType.Integer);
        importer.Write(entry.ArxivId, NpgsqlDbType.Text);
        importer.Write(FormatName(entry.Format), NpgsqlDbType.Text);
        WriteNullable(importer, entry.Version, NpgsqlDbType.Integer);
        WriteNullable(importer, entry.Title, NpgsqlDbType.Text);
        WriteNullable(importer, entry.Abstract, NpgsqlDbType.Text);
        importer.Write(authors, NpgsqlDbType.Array | NpgsqlDbType.Text);
        importer.Write(keys, NpgsqlDbType.Array | NpgsqlDbType.Text);
        importer.Write(entry.Categories as string[] ?? [.. entry.Categories], NpgsqlDbType.Array | NpgsqlDbType.Text);
        WriteNullable(importer, entry.PrimaryCategory, NpgsqlDbType.Text);
        WriteNullable(importer, entry.Doi, NpgsqlDbType.Text);
        WriteNullable(importer, entry.JournalRef, NpgsqlDbType.Text);
        WriteNullable(importer, entry.Comment, NpgsqlDbType.Text);
        WriteNullable(importer, entry.PublishedAt, NpgsqlDbType.TimestampTz);
        WriteNullable(importer, entry.UpdatedAt, NpgsqlDbType.TimestampTz);
    }

    public static string FormatName(DigestFormat format) => SourceFormats.Of(format).Name;

    public static void WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : class
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }

    public static void WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value.Value, type);
        }
    }
}
