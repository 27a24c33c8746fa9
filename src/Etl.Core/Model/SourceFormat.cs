using Etl.Core.Parsing;

namespace Etl.Core.Model;

/// <summary>One row of <see cref="SourceFormats.All"/>: a source format, how it ranks and what reads it.</summary>
/// <param name="Format">The format.</param>
/// <param name="Name">Its name in the warehouse (<c>warehouse.source_formats.format</c>, <c>report.paper_versions.source</c>).</param>
/// <param name="Precedence">Higher wins: a version's text and a paper's fields come from the highest-precedence format that has them.</param>
/// <param name="Description">One line for people reading <c>warehouse.source_formats</c>.</param>
/// <param name="Parser">Reads files of this format.</param>
/// <param name="CategoriesFromDigest">
/// Entries carry only their file's category (compact digests): a paper whose fields come from this format
/// lists the categories of every such entry, with no primary category.
/// </param>
public sealed record SourceFormat(
    DigestFormat Format,
    string Name,
    int Precedence,
    string Description,
    ISourceParser Parser,
    bool CategoriesFromDigest = false);
