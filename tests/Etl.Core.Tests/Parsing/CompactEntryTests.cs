using System.Text;
using Etl.Core.Model;
using Etl.Core.Parsing;
using Xunit;

namespace Etl.Core.Tests.Parsing;

public sealed class CompactEntryTests
{
    private static DigestEntry Single(string entry)
    {
        var digest = DigestParser.Parse(Encoding.UTF8.GetBytes(Digests.Compact(entry)));
        Assert.Empty(digest.Rejections);
        return Assert.Single(digest.Entries);
    }

    [Theory]
    [InlineData("https://arxiv.org/pdf/2009.14721", "2009.14721")]
    [InlineData("https://arxiv.org/pdf/2009.14721.pdf", "2009.14721")]
    [InlineData("https://arxiv.org/pdf/2009.14721v3", "2009.14721")]
    [InlineData("https://arxiv.org/pdf/2009.14721v3.pdf", "2009.14721")]
    [InlineData("http://arxiv.org/pdf/cs/0601001v1", "cs/0601001")]
    public void The_pdf_link_gives_the_id_without_a_version(string link, string id) =>
        Assert.Equal(id, Single(Digests.CompactEntry(link: link)).ArxivId);

    [Fact]
    public void Title_abstract_and_digest_category_are_read_and_there_are_no_authors_or_version()
    {
        var entry = Single(Digests.CompactEntry(n: 12, title: "Texture-aware  Inpainting", abstractLines: "> First line\n> second line\nnot abstract"));

        Assert.Equal(DigestFormat.Compact, entry.Format);
        Assert.Equal("Texture-aware Inpainting", entry.Title);
        Assert.Equal("First line second line", entry.Abstract);
        Assert.Equal(["cs.CV"], entry.Categories);
        Assert.Null(entry.PrimaryCategory);
        Assert.Null(entry.Version);
        Assert.Empty(entry.Authors);
        Assert.Null(entry.PublishedAt);
    }

    [Theory]
    [InlineData("> Code: <a href=\"https://github.com/x/y\">this https URL</a>.", "Code: https://github.com/x/y.")]
    [InlineData("> See <a class=\"link-external\" href=\"http://a.b/c?d=1&amp;e=2\" rel=\"external\">this http URL</a>", "See http://a.b/c?d=1&e=2")]
    [InlineData("> one<br>two<br/>three<BR />four", "one two three four")]
    [InlineData("> R&amp;D &lt;3 &quot;x&quot; &#233;", "R&D <3 \"x\" é")]
    public void Html_from_listings_becomes_plain_text(string abstractLines, string text) =>
        Assert.Equal(text, Single(Digests.CompactEntry(abstractLines: abstractLines)).Abstract);

    [Theory]
    [InlineData("### 1.A title without a link")]
    [InlineData("### A title  [ :arrow_down: ](https://arxiv.org/pdf/2009.14721)")]
    [InlineData("### 1.A title  [ :arrow_down: ](https://example.org/pdf/2009.14721)")]
    [InlineData("### 1.A title  [ :arrow_down: ](https://arxiv.org/pdf/20.14721)")]
    public void A_heading_without_a_valid_pdf_link_rejects_only_that_entry(string heading)
    {
        var digest = DigestParser.Parse(Encoding.UTF8.GetBytes(Digests.Compact(heading + "\n> text\n", Digests.CompactEntry(n: 2))));

        Assert.Equal(3, Assert.Single(digest.Rejections).Line);
        Assert.Single(digest.Entries);
    }
}
