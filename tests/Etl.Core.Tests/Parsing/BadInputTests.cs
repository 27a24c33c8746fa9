using System.Text;
using Etl.Core.Parsing;
using Xunit;

namespace Etl.Core.Tests.Parsing;

/// <summary>
/// Every kind of bad input gets a reason that names the line and what was expected, and nothing else in
/// the file is affected: a bad entry is rejected alone, a file that is not a digest is rejected whole.
/// </summary>
public sealed class BadInputTests
{
    private static readonly string Good = Digests.DetailedEntry(title: "Good", id: "- **Arxiv ID**: http://arxiv.org/abs/2001.00001v1");

    public static TheoryData<string, byte[], string> NotADigest => new()
    {
        { "empty", [], "line 1: not a digest: the file is empty" },
        { "whitespace only", Encoding.UTF8.GetBytes(" \n\t\n   \r\n"), "line 1: not a digest: the file holds only whitespace" },
        { "binary", [.. Encoding.UTF8.GetBytes(Digests.DetailedHeader + "\n\n"), 0x89, 0x50, 0x00, 0x47], "line 3: not a digest: the file holds binary data" },
        { "NUL in valid UTF-8", Encoding.UTF8.GetBytes(Digests.DetailedHeader + "\nabc\0def\n"), "line 2: not a digest: the file holds binary data" },
        { "not UTF-8", [.. Encoding.UTF8.GetBytes(Digests.DetailedHeader + "\n"), 0xC3, 0x28], "line 2: not a digest: the file is not valid UTF-8" },
        { "broken UTF-16", [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], "line 1: not a digest: the file starts with a UTF-16 byte order mark but is not valid UTF-16" },
        { "neither format", Encoding.UTF8.GetBytes("# Arxiv digest, 30 Sep\n"), "line 1: not a digest: found '# Arxiv digest, 30 Sep'; expected '# Arxiv Papers in {category}" },
        { "impossible date", Encoding.UTF8.GetBytes("# Arxiv Papers in cs.CV on 2021-02-29\n"), "line 1: not a digest: '2021-02-29' is not a calendar date (YYYY-MM-DD)" },
        { "impossible compact date", Encoding.UTF8.GetBytes("# ArXiv cs.CV --Mon, 32 Jan 2020\n"), "line 1: not a digest: '32 Jan 2020' is not a calendar date (D Mon YYYY)" },
    };

    [Theory]
    [MemberData(nameof(NotADigest))]
    public void A_file_that_is_not_a_digest_is_rejected_whole_with_line_and_reason(string kind, byte[] content, string reason)
    {
        var digest = DigestParser.Parse(content);

        Assert.Null(digest.Header);
        Assert.Empty(digest.Entries);
        Assert.True(digest.FileRejection?.StartsWith(reason, StringComparison.Ordinal), $"{kind}: {digest.FileRejection}");
    }

    public static TheoryData<string, string, int, string> BadDetailedEntries => new()
    {
        { "no ID", Digests.DetailedEntry(id: null), 3, "entry has no '- **Arxiv ID**:' field" },
        { "malformed ID", Digests.DetailedEntry(id: "- **Arxiv ID**: 2009.14721v2"), 4, "malformed Arxiv ID '2009.14721v2'; expected http(s)://arxiv.org/abs/{id}v{n}" },
        { "version 0", Digests.DetailedEntry(id: "- **Arxiv ID**: http://arxiv.org/abs/2009.14721v0"), 4, "malformed Arxiv ID 'http://arxiv.org/abs/2009.14721v0'; expected http(s)://arxiv.org/abs/{id}v{n} with a new-style (2009.14721) or old-style (cs/9810003) id and a version n of 1 or more" },
        { "malformed timestamp", Digests.DetailedEntry(published: "- **Published**: 30/09/2020"), 7, "malformed Published timestamp '30/09/2020'; expected e.g. 2020-09-30 00:13:49+00:00" },
        { "impossible timestamp", Digests.DetailedEntry(updated: "- **Updated**: 2021-02-29 15:19:43+00:00"), 8, "malformed Updated timestamp '2021-02-29 15:19:43+00:00'" },
        { "no Published", Digests.DetailedEntry(published: null), 3, "entry has no '- **Published**:' timestamp" },
    };

    [Theory]
    [MemberData(nameof(BadDetailedEntries))]
    public void A_bad_detailed_entry_is_rejected_alone_with_its_line_and_what_was_expected(string kind, string entry, int line, string reason)
    {
        var digest = DigestParser.Parse(Encoding.UTF8.GetBytes(Digests.Detailed(entry, Good)));

        var rejection = Assert.Single(digest.Rejections);
        Assert.Equal(line, rejection.Line);
        Assert.True(rejection.Reason.StartsWith(reason, StringComparison.Ordinal), $"{kind}: {rejection.Reason}");
        Assert.Equal("2001.00001", Assert.Single(digest.Entries).ArxivId);
    }

    [Theory]
    [InlineData("- **Published**: 2020-09-30 14:58:03+00:00\n- **Upd")]
    [InlineData("- **Published**: 2020-09-30 14:5")]
    [InlineData("")]
    public void A_truncated_last_entry_is_rejected_and_the_entries_before_it_load(string tail)
    {
        var truncated = Digests.Detailed(Good, "### Cut short\n- **Arxiv ID**: http://arxiv.org/abs/2001.00002v1\n" + tail);

        var digest = DigestParser.Parse(Encoding.UTF8.GetBytes(truncated));

        Assert.Equal("2001.00001", Assert.Single(digest.Entries).ArxivId);
        var rejection = Assert.Single(digest.Rejections);
        Assert.Matches("(entry has no '- \\*\\*(Published|Updated)\\*\\*:' timestamp|malformed Published timestamp)", rejection.Reason);
    }

    [Fact]
    public void A_truncated_compact_heading_is_rejected_and_the_entries_before_it_load()
    {
        var digest = DigestParser.Parse(Encoding.UTF8.GetBytes(Digests.Compact(Digests.CompactEntry(), "### 2.Cut short  [ :arrow_")));

        Assert.Single(digest.Entries);
        Assert.StartsWith("compact entry heading is not '### {n}.{title}  [ :arrow_down: ](https://arxiv.org/pdf/{id}.pdf)'", Assert.Single(digest.Rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Updated_earlier_than_published_is_accepted_as_written()
    {
        // The contract (docs/data-contract.md): each timestamp dates its own version, so they are kept as the file says.
        var digest = DigestParser.Parse(Encoding.UTF8.GetBytes(Digests.Detailed(Digests.DetailedEntry(
            published: "- **Published**: 2021-01-01 00:00:00+00:00", updated: "- **Updated**: 2020-01-01 00:00:00+00:00"))));

        var entry = Assert.Single(digest.Entries);
        Assert.True(entry.UpdatedAt < entry.PublishedAt);
    }

    [Fact]
    public void A_compact_entry_without_an_abstract_is_accepted_with_no_abstract()
    {
        var digest = DigestParser.Parse(Encoding.UTF8.GetBytes(Digests.Compact(Digests.CompactEntry(abstractLines: ""))));

        Assert.Null(Assert.Single(digest.Entries).Abstract);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_with_a_byte_order_mark_is_transcoded(bool bigEndian)
    {
        var text = Digests.Detailed(Digests.DetailedEntry(title: "Caf\u00e9 \u6f22\u5b57"));
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);

        var digest = DigestParser.Parse([.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);

        Assert.Equal(DigestParser.Parse(Encoding.UTF8.GetBytes(text)).Entries, digest.Entries, new EntryComparer());
        Assert.Equal("Caf\u00e9 \u6f22\u5b57", Assert.Single(digest.Entries).Title);
    }

    [Fact]
    public void A_10_mb_line_is_read_whole()
    {
        var huge = string.Join(' ', Enumerable.Repeat("word", 2 << 20));

        var digest = DigestParser.Parse(Encoding.UTF8.GetBytes(Digests.Detailed(Digests.DetailedEntry(summary: "- **Summary**: " + huge))));

        Assert.Equal(huge, Assert.Single(digest.Entries).Abstract);
    }

    [Fact]
    public void A_10_mb_first_line_is_not_a_digest_and_the_reason_quotes_it_shortened()
    {
        var digest = DigestParser.Parse(Encoding.UTF8.GetBytes("# " + new string('x', 10 << 20) + "\n"));

        Assert.StartsWith("line 1: not a digest: found '# xxxx", digest.FileRejection, StringComparison.Ordinal);
        Assert.True(digest.FileRejection!.Length < 400);
    }

    [Fact]
    public void Sql_looking_text_is_kept_verbatim()
    {
        const string Sql = "'); drop table papers; -- \"x\" $$ \\";
        var digest = DigestParser.Parse(Encoding.UTF8.GetBytes(Digests.Detailed(Digests.DetailedEntry(title: Sql, authors: "- **Authors**: Robert'); DROP TABLE students; --"))));

        var entry = Assert.Single(digest.Entries);
        Assert.Equal(Sql, entry.Title);
        Assert.Equal(["Robert'); DROP TABLE students; --"], entry.Authors);
    }
}
