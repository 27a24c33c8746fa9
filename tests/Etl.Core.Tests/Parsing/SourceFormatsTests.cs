using System.Text;
using Etl.Core.Model;
using Xunit;

namespace Etl.Core.Tests.Parsing;

/// <summary>The one list of source formats: complete, unambiguous, and what decides the parser of a file.</summary>
public sealed class SourceFormatsTests
{
    [Fact]
    public void Every_format_has_one_row_with_a_unique_name()
    {
        Assert.Equal(Enum.GetValues<DigestFormat>().Order(), SourceFormats.All.Select(f => f.Format).Order());
        Assert.Equal(SourceFormats.All.Count, SourceFormats.All.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Enum.GetValues<DigestFormat>(), format => Assert.Equal(format, SourceFormats.Of(format).Format));
        Assert.All(SourceFormats.All, format => Assert.Same(format, SourceFormats.Named(format.Name)));
        Assert.Equal([".json", ".json.gz", ".jsonl", ".md", ".txt", ".zip"], SourceFormats.Extensions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Precedence_is_detailed_and_snapshot_then_listing_then_compact()
    {
        Assert.Equal(
            [(3, DigestFormat.Detailed), (3, DigestFormat.Snapshot), (2, DigestFormat.Listing), (1, DigestFormat.Compact)],
            SourceFormats.All.OrderByDescending(f => f.Precedence).ThenBy(f => f.Format).Select(f => (f.Precedence, f.Format)));
        Assert.Throws<InvalidDataException>(() => SourceFormats.Named("tweet"));
    }

    [Theory]
    [InlineData("2025-03-19.jsonl", "{\"id\": \"2503.11731\", \"title\": \"t\"}\n", DigestFormat.Listing)]
    [InlineData("digest.md", "# Arxiv Papers in cs.CV on 2020-09-30\n", DigestFormat.Detailed)]
    [InlineData("digest.txt", "# ArXiv cs.CV --Thu, 1 Oct 2020\n", DigestFormat.Compact)]
    [InlineData("2020-09-30", "# Arxiv Papers in cs.CV on 2020-09-30\n", DigestFormat.Detailed)]
    [InlineData("arxiv-metadata-oai-snapshot.json", "{\"id\": \"0704.0001\", \"title\": \"t\", \"versions\": [{\"version\": \"v1\", \"created\": null}], \"update_date\": \"2008-11-13\"}\n", DigestFormat.Snapshot)]
    [InlineData("2025-03-19.jsonl", "\n{\"id\": \"0704.0001\", \"title\": \"t\", \"versions\": [{\"version\": \"v1\", \"created\": null}], \"update_date\": \"2008-11-13\"}\n", DigestFormat.Snapshot)]
    public void A_file_goes_to_the_parser_of_its_extension_and_any_other_file_is_read_as_a_digest(string name, string text, DigestFormat format)
    {
        Assert.Equal(format, SourceFormats.Parse(name, Encoding.UTF8.GetBytes(text)).Header?.Format);
    }
}
