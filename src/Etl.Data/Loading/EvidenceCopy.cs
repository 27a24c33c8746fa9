using Etl.Core.Model;
using Etl.Core.Normalization;

namespace Etl.Data.Loading;

/// <summary>Accepted entries as rows of <c>warehouse.evidence</c>, one binary COPY per batch.</summary>
internal static class EvidenceCopy
{
    public static readonly string Command = Into("warehouse.evidence");

    /// <summary>The COPY of evidence rows into <paramref name="table"/> (<c>warehouse.evidence</c>, or a scratch table of its shape).</summary>
    public static string Into(string table) => $"""
        COPY {table} (digest_id, line, arxiv_id, format, version, title, abstract, authors, author_keys,
                      categories, primary_category, doi, journal_ref, comment, published_at, updated_at,
                      record_sha256, record_date, versions, versions_created, submitter, report_no, license, authors_parsed)
        FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>Writes one row.</summary>
    /// <param name="rows">The batch's evidence rows.</param>
    /// <param name="digestId">The entry's file.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="keys">The identity of each of its authors (<see cref="AuthorKey"/>), same order.</param>
    public static void Write(CopyRows rows, long digestId, DigestEntry entry, string[] keys)
    {
        rows.StartRow(24);
        rows.Write(digestId);
        rows.Write(entry.Line);
        rows.Write(entry.ArxivId);
        rows.Write(FormatName(entry.Format));
        rows.Write(entry.Version);
        rows.Write(entry.Title);
        rows.Write(entry.Abstract);
        rows.Write(entry.Authors);
        rows.Write(keys);
        rows.Write(entry.Categories);
        rows.Write(entry.PrimaryCategory);
        rows.Write(entry.Doi);
        rows.Write(entry.JournalRef);
        rows.Write(entry.Comment);
        rows.Write(entry.PublishedAt);
        rows.Write(entry.UpdatedAt);
        var record = entry.Record;
        rows.Write(record?.Sha256);
        rows.Write(record?.UpdateDate);
        rows.Write(record?.Versions.Select(version => version.Version).ToArray());
        rows.Write(record?.Versions.Select(version => version.Created).ToArray());
        rows.Write(record?.Submitter);
        rows.Write(record?.ReportNo);
        rows.Write(record?.License);
        rows.Write(record?.AuthorsParsed);
    }

    public static string FormatName(DigestFormat format) => SourceFormats.Of(format).Name;
}
