namespace Etl.Data.Export;

/// <summary>One table an export writes: a file name, the query of its rows and what they are.</summary>
/// <param name="Name">The file's name without extension (<c>papers</c>).</param>
/// <param name="Query">The rows, as SQL (a script of <c>sql/export</c>, or a report view).</param>
/// <param name="Key">How <c>--since</c> narrows the rows, or null when it does not apply (a view of <c>--view</c>).</param>
/// <param name="Summary">One sentence on what a row is, for the README.</param>
/// <param name="ColumnNotes">Descriptions of columns the database has no comment for.</param>
/// <param name="Dictionary">
/// Whether a format with dictionary encoding uses it. Not for papers and versions, whose texts hardly repeat:
/// Zstandard alone made their files as small or smaller, and hashing every title and abstract into a dictionary
/// that never pays took a fifth of <c>papers.parquet</c>'s time (docs/export.md).
/// </param>
public sealed record ExportTable(
    string Name, string Query, ExportKey? Key, string Summary,
    IReadOnlyDictionary<string, string>? ColumnNotes = null, bool Dictionary = true)
{
    /// <summary>The four tables of a whole-warehouse export (<c>sql/export</c>).</summary>
    public static IReadOnlyList<ExportTable> Warehouse { get; } =
    [
        new("papers", EmbeddedSql.Export("papers"), ExportKey.Paper,
            "One row per paper: the columns of `report.papers`, with `authors` (display names in author order) and `categories` as lists.",
            Dictionary: false),
        new("versions", EmbeddedSql.Export("versions"), ExportKey.Paper,
            "One row per known version of each paper: the rows of `report.paper_versions`.",
            Dictionary: false),
        new("authors", EmbeddedSql.Export("authors"), ExportKey.Author,
            "One row per author: the rows of `report.authors` (with `--since`, the authors of the exported papers; their figures still count every paper of the warehouse)."),
        new("paper_authors", EmbeddedSql.Export("paper_authors"), ExportKey.Paper,
            "One row per author of each paper, in author order: joins `papers` (on `arxiv_id`) with `authors` (on `author_key`).",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["arxiv_id"] = "arXiv identifier without version (as in papers).",
                ["position"] = "Position in the paper's author list, from 1.",
                ["author_key"] = "Identity of the person (as in authors).",
                ["display_name"] = "The person's display name (as in authors and in papers.authors).",
            }),
    ];
}
