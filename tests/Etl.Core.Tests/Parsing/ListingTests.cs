using System.Text;
using Etl.Core.Model;
using Xunit;

namespace Etl.Core.Tests.Parsing;

/// <summary>Daily JSON-lines listings: recognition, every entry rule and every rejection reason.</summary>
public sealed class ListingTests
{
    private const string Good = """{"id": "2503.11731", "title": "A Title", "authors": ["Ada Lovelace", "Alan Turing"], "categories": ["cs.CV", "cs.RO"], "comment": null, "summary": "An abstract."}""";

    private static ParsedDigest Parse(string text, string name = "2025-03-19.jsonl") =>
        SourceFormats.Parse(name, Encoding.UTF8.GetBytes(text));

    private static DigestEntry Single(string line)
    {
        var listing = Parse(line + "\n");
        Assert.Null(listing.FileRejection);
        Assert.Empty(listing.Rejections);
        return Assert.Single(listing.Entries);
    }

    private static string Rejection(string line)
    {
        var listing = Parse(Good + "\n" + line + "\n" + Good.Replace("2503.11731", "2503.11732", StringComparison.Ordinal));
        Assert.Null(listing.FileRejection);
        Assert.Equal(2, listing.Entries.Count);
        var rejection = Assert.Single(listing.Rejections);
        Assert.Equal(2, rejection.Line);
        return rejection.Reason;
    }

    [Theory]
    [InlineData("2025-03-19.jsonl", "2025-03-19")]
    [InlineData("2025-03-19_AI_enhanced_Chinese.jsonl", "2025-03-19")]
    [InlineData("/data/listings/2024-02-29.JSONL", "2024-02-29")]
    public void The_listing_date_is_the_date_that_starts_the_file_name(string name, string date)
    {
        var listing = Parse(Good, name);

        Assert.Equal(new DigestHeader(DigestFormat.Listing, null, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), listing.Header);
        Assert.Equal(listing.Header!.Date, SourceFormats.ReadDate(name, Encoding.UTF8.GetBytes(Good)));
    }

    [Theory]
    [InlineData("listing.jsonl", Good, "line 1: not a listing: the file name 'listing.jsonl' does not start with a calendar date YYYY-MM-DD")]
    [InlineData("2025-02-30.jsonl", Good, "line 1: not a listing: the file name '2025-02-30.jsonl' does not start with a calendar date")]
    [InlineData("2025-03-191.jsonl", Good, "line 1: not a listing: the file name '2025-03-191.jsonl' does not start with a calendar date")]
    [InlineData("2025-03-19.jsonl", "", "line 1: not a listing: the file has no entries")]
    [InlineData("2025-03-19.jsonl", "\n  \n", "line 1: not a listing: the file has no entries")]
    [InlineData("2025-03-19.jsonl", "# Arxiv Papers in cs.CV on 2025-03-19\n" + Good, "line 1: not a listing: the first non-blank line is not a JSON object with an \"id\" field")]
    [InlineData("2025-03-19.jsonl", "\n\n{\"title\": \"no id\"}\n" + Good, "line 3: not a listing: the first non-blank line is not a JSON object with an \"id\" field")]
    [InlineData("2025-03-19.jsonl", "[\"2503.11731\"]\n" + Good, "line 1: not a listing: the first non-blank line is not a JSON object with an \"id\" field")]
    [InlineData("2025-03-19.jsonl", "{\"id\": \"2503.11731\", \"title\": \n" + Good, "line 1: not a listing: the first non-blank line is not a JSON object with an \"id\" field")]
    public void A_file_that_is_not_a_listing_is_rejected_whole_with_the_reason(string name, string text, string reason)
    {
        var listing = Parse(text, name);

        Assert.Null(listing.Header);
        Assert.Empty(listing.Entries);
        Assert.StartsWith(reason, listing.FileRejection, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id": "2503.11731v2", "title": "x"}""")]
    [InlineData("""{"title": 5, "id": "2503.11731"}""")]
    [InlineData("""{"id": "2503.11731"}""")]
    public void A_first_line_with_an_id_that_breaks_a_rule_is_still_a_listing_and_only_that_entry_is_rejected(string first)
    {
        var listing = Parse(first + "\n" + Good);

        Assert.NotNull(listing.Header);
        Assert.Equal(1, Assert.Single(listing.Rejections).Line);
        Assert.Single(listing.Entries);
    }

    [Fact]
    public void Invalid_utf8_rejects_the_file_at_the_line_of_the_first_bad_byte()
    {
        var content = Encoding.UTF8.GetBytes(Good + "\n" + Good + "\n").Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();

        Assert.StartsWith("line 3: not a listing: the file is not valid UTF-8", SourceFormats.Parse("2025-03-19.jsonl", content).FileRejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_field_of_an_entry_is_read_and_a_listing_names_no_version_nor_timestamps()
    {
        var entry = Single(Good.Replace("\"comment\": null", "\"comment\": \"10 pages\"", StringComparison.Ordinal));

        Assert.Equal(DigestFormat.Listing, entry.Format);
        Assert.Equal(1, entry.Line);
        Assert.Equal("2503.11731", entry.ArxivId);
        Assert.Equal("A Title", entry.Title);
        Assert.Equal("An abstract.", entry.Abstract);
        Assert.Equal(["Ada Lovelace", "Alan Turing"], entry.Authors);
        Assert.Equal(["cs.CV", "cs.RO"], entry.Categories);
        Assert.Equal("cs.CV", entry.PrimaryCategory);
        Assert.Equal("10 pages", entry.Comment);
        Assert.Null(entry.Version);
        Assert.Null(entry.PublishedAt);
        Assert.Null(entry.UpdatedAt);
        Assert.Null(entry.Doi);
        Assert.Null(entry.JournalRef);
    }

    [Theory]
    [InlineData("2503.11731")]
    [InlineData("0704.0001")]
    [InlineData("cs/9810003")]
    [InlineData("math.AG/0601001")]
    public void New_and_old_style_ids_are_accepted(string id) =>
        Assert.Equal(id, Single($$"""{"id": "{{id}}", "title": "t"}""").ArxivId);

    [Fact]
    public void Lines_are_numbered_in_the_file_and_blank_lines_and_crlf_and_a_bom_are_allowed()
    {
        var text = "\uFEFF" + Good + "\r\n\r\n   \n" + Good.Replace("2503.11731", "2503.11732", StringComparison.Ordinal) + "\r\n";
        var listing = Parse(text);

        Assert.Equal([(1, "2503.11731"), (4, "2503.11732")], listing.Entries.Select(e => (e.Line, e.ArxivId)));
    }

    [Theory]
    [InlineData("""["cs.CV", "cs.AI"]""", new[] { "cs.CV", "cs.AI" }, "cs.CV")]
    [InlineData("""["cs.LG", "cs.CV", "cs.LG"]""", new[] { "cs.LG", "cs.CV" }, "cs.LG")]
    [InlineData("""["68T45", "I.2.10", "eess.IV", "cs.CV"]""", new[] { "eess.IV", "cs.CV" }, "eess.IV")]
    [InlineData("""[" hep-th "]""", new[] { "hep-th" }, "hep-th")]
    [InlineData("""[]""", new string[0], null)]
    [InlineData("""null""", new string[0], null)]
    public void Category_tokens_are_kept_in_order_once_and_the_first_kept_is_primary(string categories, string[] kept, string? primary)
    {
        var entry = Single($$"""{"id": "2503.11731", "title": "t", "categories": {{categories}}}""");

        Assert.Equal(kept, entry.Categories);
        Assert.Equal(primary, entry.PrimaryCategory);
    }

    [Theory]
    [InlineData("""["OpenAI", ":", "Aaron Hurst", "."]""", new[] { "OpenAI", "Aaron Hurst" })]
    [InlineData("""["Am\u221a\u00a9lie Gruel", "  Olga   Ellson "]""", new[] { "Amélie Gruel", "Olga Ellson" })]
    [InlineData("""["", "  "]""", new string[0])]
    [InlineData("""null""", new string[0])]
    public void Authors_are_normalized_and_tokens_without_a_letter_or_digit_are_dropped(string authors, string[] expected) =>
        Assert.Equal(expected, Single($$"""{"id": "2503.11731", "title": "t", "authors": {{authors}}}""").Authors);

    [Theory]
    [InlineData("""Sensor simulation is pivotal for\nscalable validation""", "Sensor simulation is pivotal for scalable validation")]
    [InlineData("""wrapped\r\n  onto lines""", "wrapped onto lines")]
    [InlineData("""R&amp;D <b>bold</b>""", "R&amp;D <b>bold</b>")]
    [InlineData("""caf\u0065\u0301 \u00e9t\u00e9""", "café été")]
    [InlineData("""Ã©cole\u0007 bell""", "école bell")]
    [InlineData("  ", null)]
    public void Texts_get_the_normalization_of_detailed_digests_and_line_breaks_become_spaces(string summary, string? expected)
    {
        var entry = Single($$"""{"id": "2503.11731", "title": "t", "summary": "{{summary}}"}""");

        Assert.Equal(expected, entry.Abstract);
    }

    [Fact]
    public void Other_keys_are_ignored_and_the_first_occurrence_of_a_key_wins()
    {
        var entry = Single("""{"pdf": "https://arxiv.org/pdf/2503.11731", "AI": {"tldr": "…", "tags": [1, {"x": null}]}, "id": "2503.11731", "title": "First", "title": "Second", "abs": null}""");

        Assert.Equal("First", entry.Title);
    }

    [Theory]
    [InlineData("""{"id": "2503.11733", "title": "t",""", "the line is not valid JSON")]
    [InlineData("""{"id": "2503.11733", "title": "t"} {"id": "x"}""", "the line is not valid JSON")]
    [InlineData("""not json at all""", "the line is not valid JSON")]
    [InlineData("""["2503.11733", "t"]""", "the line is not a JSON object")]
    [InlineData("""42""", "the line is not a JSON object")]
    [InlineData("""{"title": "t"}""", "entry has no \"id\"")]
    [InlineData("""{"id": 2503.11733, "title": "t"}""", "\"id\" must be a string")]
    [InlineData("""{"id": "2503.11733v2", "title": "t"}""", "\"id\" '2503.11733v2' is not an arXiv id without version")]
    [InlineData("""{"id": "https://arxiv.org/abs/2503.11733", "title": "t"}""", "\"id\" 'https://arxiv.org/abs/2503.11733' is not an arXiv id without version")]
    [InlineData("""{"id": "2503.11733"}""", "entry 2503.11733 has no title: \"title\" must be a non-empty string")]
    [InlineData("""{"id": "2503.11733", "title": null}""", "entry 2503.11733 has no title")]
    [InlineData("""{"id": "2503.11733", "title": "  \n "}""", "entry 2503.11733 has no title")]
    [InlineData("""{"id": "2503.11733", "title": ["t"]}""", "\"title\" must be a string or null, not an array")]
    [InlineData("""{"id": "2503.11733", "title": "t", "authors": "Ada Lovelace, Alan Turing"}""", "\"authors\" must be an array of strings, not a string")]
    [InlineData("""{"id": "2503.11733", "title": "t", "authors": ["Ada Lovelace", 7]}""", "\"authors\" must be an array of strings, but holds a number")]
    [InlineData("""{"id": "2503.11733", "title": "t", "categories": "cs.CV"}""", "\"categories\" must be an array of strings, not a string")]
    [InlineData("""{"id": "2503.11733", "title": "t", "categories": [["cs.CV"]]}""", "\"categories\" must be an array of strings, but holds an array")]
    [InlineData("""{"id": "2503.11733", "title": "t", "summary": {"en": "x"}}""", "\"summary\" must be a string or null, not an object")]
    [InlineData("""{"id": "2503.11733", "title": "t", "comment": true}""", "\"comment\" must be a string or null, not a boolean")]
    public void A_line_that_breaks_a_rule_is_rejected_with_its_line_and_reason_and_the_rest_loads(string line, string reason) =>
        Assert.StartsWith(reason, Rejection(line), StringComparison.Ordinal);
}
