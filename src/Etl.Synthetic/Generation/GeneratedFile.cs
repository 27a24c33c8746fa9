namespace Etl.Core.Generation;

/// <summary>
/// One generated file: where it goes (relative, '/'-separated, e.g. <c>detailed/cs.CV/2020-01-06.md</c>)
/// and its text (to be written as UTF-8 without BOM; lines end with LF).
/// </summary>
/// <param name="RelativePath">Path under the corpus directory, always with '/' separators.</param>
/// <param name="Content">The file's text.</param>
/// <param name="NewPapers">Papers that appear in this file for the first time in the corpus; summed over all files it is the corpus's distinct paper count.</param>
public sealed record GeneratedFile(string RelativePath, string Content, int NewPapers);
