namespace Etl.Data.Export;

/// <summary>What a file's rows belong to, so that <c>--since</c> can narrow them (<see cref="ExportSession.Narrow"/>).</summary>
public enum ExportKey
{
    /// <summary>Rows of a paper: narrowed by their <c>arxiv_id</c> column to the selected papers.</summary>
    Paper,

    /// <summary>Rows of an author: narrowed by their <c>author_key</c> column to the authors of the selected papers.</summary>
    Author,
}
