using System.Text;
using Etl.Core.Model;
using Etl.Core.Parsing;
using Xunit;

namespace Etl.Core.Tests.Parsing;

public sealed class HeaderTests
{
    [Theory]
    [InlineData("# Arxiv Papers in cs.CV on 2020-09-30", DigestFormat.Detailed, "cs.CV", "2020-09-30")]
    [InlineData("# Arxiv Papers in math.AG on 2006-01-02", DigestFormat.Detailed, "math.AG", "2006-01-02")]
    [InlineData("# ArXiv cs.CV --Thu, 1 Oct 2020", DigestFormat.Compact, "cs.CV", "2020-10-01")]
    [InlineData("# ArXiv cs.CL --Mon, 12 Jan 2026", DigestFormat.Compact, "cs.CL", "2026-01-12")]
    public void Line_1_decides_format_category_and_date(string line, DigestFormat format, string category, string date)
    {
        Assert.True(HeaderParser.TryParse(line, out var header, out _));
        Assert.Equal(new DigestHeader(format, category, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), header);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hello world")]
    [InlineData("# Some notes")]
    [InlineData("# Arxiv Papers in cs.CV on 2020-13-45")]
    [InlineData("# ArXiv cs.CV --Thu, 31 Feb 2020")]
    [InlineData("# Arxiv Papers in 68T45 on 2020-09-30")]
    public void Anything_else_is_not_a_digest_and_the_reason_names_line_1(string line)
    {
        var digest = DigestParser.Parse(Encoding.UTF8.GetBytes(line + "\n### 1.x\n"));

        Assert.Null(digest.Header);
        Assert.StartsWith("line 1: not a digest", digest.FileRejection, StringComparison.Ordinal);
        Assert.Empty(digest.Entries);
    }

    [Fact]
    public void An_empty_file_is_not_a_digest() =>
        Assert.StartsWith("line 1: not a digest", DigestParser.Parse([]).FileRejection, StringComparison.Ordinal);

    [Fact]
    public void A_file_that_is_not_utf8_is_rejected_with_the_line_of_the_first_bad_byte()
    {
        var content = Encoding.UTF8.GetBytes(Digests.DetailedHeader + "\n\n").Concat(new byte[] { 0x41, 0xE9, 0x42, 0x0A }).ToArray();

        var digest = DigestParser.Parse(content);

        Assert.StartsWith("line 3: not a digest: the file is not valid UTF-8", digest.FileRejection, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bom_and_crlf_line_ends_read_like_plain_lf()
    {
        var plain = Digests.Detailed(Digests.DetailedEntry(summary: "- **Summary**: first\n  second"));
        var windows = "\uFEFF" + plain.Replace("\n", "\r\n", StringComparison.Ordinal);

        var expected = DigestParser.Parse(Encoding.UTF8.GetBytes(plain));
        var actual = DigestParser.Parse(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(windows[1..])).ToArray());

        Assert.Equal(expected.Header, actual.Header);
        Assert.Equal(expected.Entries.Single() with { Authors = [], Categories = [] }, actual.Entries.Single() with { Authors = [], Categories = [] });
        Assert.Equal("first second", actual.Entries.Single().Abstract);
    }
}
