namespace Etl.Core.Tests.Parsing;

/// <summary>Builds small digest texts for parser cases.</summary>
internal static class Digests
{
    public const string DetailedHeader = "# Arxiv Papers in cs.CV on 2020-09-30";
    public const string CompactHeader = "# ArXiv cs.CV --Thu, 1 Oct 2020";

    /// <summary>A detailed entry with all ten fields; pass a replacement for any field line, or null to drop it.</summary>
    public static string DetailedEntry(
        string title = "A Title",
        string? id = "- **Arxiv ID**: http://arxiv.org/abs/2009.14721v2",
        string? doi = "- **DOI**: None",
        string? categories = "- **Categories**: cs.CV, cs.LG",
        string? published = "- **Published**: 2020-09-30 14:58:03+00:00",
        string? updated = "- **Updated**: 2021-02-13 15:19:43+00:00",
        string? authors = "- **Authors**: Ada Lovelace, Alan Turing",
        string? comment = "- **Comment**: None",
        string? journal = "- **Journal**: None",
        string? summary = "- **Summary**: An abstract.") =>
        string.Join('\n', new[] { "### " + title, id, doi, categories, published, updated, authors, comment, journal, summary }.Where(line => line is not null)) + "\n";

    public static string Detailed(params string[] entries) => DetailedHeader + "\n\n" + string.Join('\n', entries);

    public static string CompactEntry(int n = 1, string title = "A Title", string link = "https://arxiv.org/pdf/2009.14721", string abstractLines = "> An abstract.") =>
        $"### {n}.{title}  [ :arrow_down: ](" + link + ")\n" + abstractLines + "\n";

    public static string Compact(params string[] entries) => CompactHeader + "\n\n" + string.Join('\n', entries);
}
