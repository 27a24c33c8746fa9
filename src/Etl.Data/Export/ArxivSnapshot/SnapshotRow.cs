using Npgsql;

namespace Etl.Data.Export.ArxivSnapshot;

/// <summary>One row of <c>sql/export/arxiv_snapshot.sql</c>, read in column order (the reader is sequential).</summary>
internal sealed record SnapshotRow(
    string ArxivId,
    string? Submitter,
    string[] Authors,
    string? Title,
    string? Comment,
    string? JournalRef,
    string? Doi,
    string? ReportNo,
    string? PrimaryCategory,
    string[] Categories,
    string? License,
    string? Abstract,
    int[] Versions,
    DateTime?[] Created,
    DateOnly UpdateDate,
    string? AuthorsParsed)
{
    public static SnapshotRow Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        Text(reader, 1),
        reader.GetFieldValue<string[]>(2),
        Text(reader, 3),
        Text(reader, 4),
        Text(reader, 5),
        Text(reader, 6),
        Text(reader, 7),
        Text(reader, 8),
        reader.GetFieldValue<string[]>(9),
        Text(reader, 10),
        Text(reader, 11),
        reader.GetFieldValue<int[]>(12),
        reader.GetFieldValue<DateTime?[]>(13),
        reader.GetFieldValue<DateOnly>(14),
        Text(reader, 15));

    /// <summary>The snapshot lists the primary category first, then the others (sorted by code).</summary>
    public IEnumerable<string> PrimaryFirst() =>
        PrimaryCategory is { } primary ? [primary, .. Categories.Where(code => code != primary)] : Categories;

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
