using System.Text;
using Etl.Core.Model;
using Etl.Core.Parsing;
using Xunit;

namespace Etl.Core.Tests.Parsing;

public sealed class DetailedEntryTests
{
    private static ParsedDigest Parse(string text) => DigestParser.Parse(Encoding.UTF8.GetBytes(text));

    private static DigestEntry Single(string entry)
    {
        var digest = Parse(Digests.Detailed(entry));
        Assert.Empty(digest.Rejections);
        return Assert.Single(digest.Entries);
    }

    [Fact]
    public void All_fields_are_read()
    {
        var entry = Single(Digests.DetailedEntry(
            title: "Efficient  texture-aware multi-GAN",
            doi: "- **DOI**: 10.1016/j.knosys.2021.106789",
            comment: "- **Comment**: 25 pages",
            journal: "- **Journal**: Knowledge-Based Systems"));

        Assert.Equal(3, entry.Line);
        Assert.Equal(DigestFormat.Detailed, entry.Format);
        Assert.Equal(("2009.14721", 2), (entry.ArxivId, entry.Version));
        Assert.Equal("Efficient texture-aware multi-GAN", entry.Title);
        Assert.Equal("An abstract.", entry.Abstract);
        Assert.Equal(["Ada Lovelace", "Alan Turing"], entry.Authors);
        Assert.Equal(["cs.CV", "cs.LG"], entry.Categories);
        Assert.Equal("cs.CV", entry.PrimaryCategory);
        Assert.Equal("10.1016/j.knosys.2021.106789", entry.Doi);
        Assert.Equal("Knowledge-Based Systems", entry.JournalRef);
        Assert.Equal("25 pages", entry.Comment);
        Assert.Equal(new DateTime(2020, 9, 30, 14, 58, 3, DateTimeKind.Utc), entry.PublishedAt);
        Assert.Equal(new DateTime(2021, 2, 13, 15, 19, 43, DateTimeKind.Utc), entry.UpdatedAt);
        Assert.Equal(DateTimeKind.Utc, entry.PublishedAt!.Value.Kind);
    }

    [Theory]
    [InlineData("http://arxiv.org/abs/2009.14721v2", "2009.14721", 2)]
    [InlineData("https://arxiv.org/abs/2101.00001v10", "2101.00001", 10)]
    [InlineData("http://arxiv.org/abs/0704.0001v1", "0704.0001", 1)]
    [InlineData("http://arxiv.org/abs/cs/9810003v1", "cs/9810003", 1)]
    [InlineData("http://arxiv.org/abs/math.AG/0601001v3", "math.AG/0601001", 3)]
    [InlineData("http://arxiv.org/abs/q-bio.NC/0501002v1", "q-bio.NC/0501002", 1)]
    public void Arxiv_ids_are_new_or_old_style_with_a_version(string url, string id, int version)
    {
        var entry = Single(Digests.DetailedEntry(id: "- **Arxiv ID**: " + url));
        Assert.Equal((id, version), (entry.ArxivId, entry.Version));
    }

    [Theory]
    [InlineData("- **Arxiv ID**: http://arxiv.org/abs/2009.14721", 4, "malformed Arxiv ID")]
    [InlineData("- **Arxiv ID**: http://example.org/abs/2009.14721v1", 4, "malformed Arxiv ID")]
    [InlineData("- **Arxiv ID**: http://arxiv.org/abs/209.14721v1", 4, "malformed Arxiv ID")]
    [InlineData("- **Arxiv ID**: http://arxiv.org/abs/CS/9810003v1", 4, "malformed Arxiv ID")]
    [InlineData("- **Arxiv ID**: http://arxiv.org/abs/cs/981003v1", 4, "malformed Arxiv ID")]
    [InlineData(null, 3, "no '- **Arxiv ID**:'")]
    public void A_missing_or_malformed_arxiv_id_rejects_the_entry_with_its_line(string? idLine, int line, string reason)
    {
        var digest = Parse(Digests.Detailed(Digests.DetailedEntry(id: idLine), Digests.DetailedEntry(title: "Next")));

        var rejection = Assert.Single(digest.Rejections);
        Assert.Equal(line, rejection.Line);
        Assert.Contains(reason, rejection.Reason, StringComparison.Ordinal);
        Assert.Equal("Next", Assert.Single(digest.Entries).Title);
    }

    [Theory]
    [InlineData("Published", "- **Published**: 2020-09-30", "malformed Published")]
    [InlineData("Published", "- **Published**: yesterday", "malformed Published")]
    [InlineData("Published", null, "no '- **Published**:'")]
    [InlineData("Updated", "- **Updated**: 2020-02-30 10:00:00+00:00", "malformed Updated")]
    [InlineData("Updated", null, "no '- **Updated**:'")]
    public void A_missing_or_malformed_timestamp_rejects_the_entry(string field, string? line, string reason)
    {
        var entry = field == "Published" ? Digests.DetailedEntry(published: line) : Digests.DetailedEntry(updated: line);

        var digest = Parse(Digests.Detailed(entry));

        Assert.Contains(reason, Assert.Single(digest.Rejections).Reason, StringComparison.Ordinal);
        Assert.Empty(digest.Entries);
    }

    [Fact]
    public void Timestamps_with_another_offset_are_stored_in_utc()
    {
        var entry = Single(Digests.DetailedEntry(published: "- **Published**: 2020-09-30 02:00:00+02:00"));
        Assert.Equal(new DateTime(2020, 9, 30, 0, 0, 0, DateTimeKind.Utc), entry.PublishedAt);
    }

    [Theory]
    [InlineData("cs.CV, cs.LG", new[] { "cs.CV", "cs.LG" }, "cs.CV")]
    [InlineData("cs.LG; **cs.CV**", new[] { "cs.LG", "cs.CV" }, "cs.CV")]
    [InlineData("cs.CV, 68T45, I.2.10, I.4.8", new[] { "cs.CV" }, "cs.CV")]
    [InlineData("68T45; math.AG, cs.CV", new[] { "math.AG", "cs.CV" }, "math.AG")]
    [InlineData("cond-mat.stat-mech, physics.bio-ph", new[] { "cond-mat.stat-mech", "physics.bio-ph" }, "cond-mat.stat-mech")]
    [InlineData("cs.CV, cs.CV, cs", new[] { "cs.CV", "cs" }, "cs.CV")]
    public void Categories_keep_arxiv_codes_and_the_bold_or_first_is_primary(string value, string[] categories, string primary)
    {
        var entry = Single(Digests.DetailedEntry(categories: "- **Categories**: " + value));
        Assert.Equal(categories, entry.Categories);
        Assert.Equal(primary, entry.PrimaryCategory);
    }

    [Theory]
    [InlineData(" Ada Lovelace ,Alan Turing", new[] { "Ada Lovelace", "Alan Turing" })]
    [InlineData("Ada Lovelace, , Alan Turing,", new[] { "Ada Lovelace", "Alan Turing" })]
    [InlineData("Am√©lie Gruel", new[] { "Amélie Gruel" })]
    [InlineData("OpenAI, :, Aaron Hurst, .", new[] { "OpenAI", "Aaron Hurst" })]
    [InlineData("-, Émile Zola, 3M Lab, ¶", new[] { "Émile Zola", "3M Lab" })]
    public void Authors_are_split_on_commas_trimmed_and_names_without_a_letter_or_digit_dropped(string value, string[] authors) =>
        Assert.Equal(authors, Single(Digests.DetailedEntry(authors: "- **Authors**: " + value)).Authors);

    [Fact]
    public void None_means_null()
    {
        var entry = Single(Digests.DetailedEntry(summary: "- **Summary**: None", authors: "- **Authors**: None"));
        Assert.Null(entry.Doi);
        Assert.Null(entry.Abstract);
        Assert.Empty(entry.Authors);
    }

    [Fact]
    public void Indented_lines_continue_the_previous_field_and_a_blank_line_ends_it()
    {
        var entry = Single(Digests.DetailedEntry(
            comment: "- **Comment**: 12 pages,\n  5 figures,\n\taccepted",
            summary: "- **Summary**: first line\n    second line\n\n  not a continuation"));

        Assert.Equal("12 pages, 5 figures, accepted", entry.Comment);
        Assert.Equal("first line second line", entry.Abstract);
    }

    [Fact]
    public void Detailed_texts_are_not_html_decoded()
    {
        var entry = Single(Digests.DetailedEntry(summary: "- **Summary**: R&amp;D <br> stays"));
        Assert.Equal("R&amp;D <br> stays", entry.Abstract);
    }

    [Fact]
    public void Each_entry_keeps_the_line_of_its_heading()
    {
        var digest = Parse(Digests.Detailed(Digests.DetailedEntry(), Digests.DetailedEntry(title: "Second")));
        Assert.Equal([3, 14], digest.Entries.Select(e => e.Line));
    }
}
