using System.Text;
using Etl.Core.Model;
using Etl.Core.Parsing;
using Xunit;

namespace Etl.Core.Tests.Parsing;

/// <summary>
/// Each format's parse counts the words of its accepted entries that were repaired as mojibake (the
/// warehouse keeps only the repaired text, so report.data_quality reads this count).
/// </summary>
public sealed class MojibakeCountTests
{
    public static TheoryData<string, string, int> Cases => new()
    {
        // title 1, authors 2 (Herv√°s-Mart√≠nez is one word), summary 1
        { "detailed", Digests.Detailed(Digests.DetailedEntry(title: "Caf√© vision", authors: "- **Authors**: C√©sar Herv√°s-Mart√≠nez, Ada Lovelace", summary: "- **Summary**: na√Øve.")), 4 },
        { "detailed, clean", Digests.Detailed(Digests.DetailedEntry(), Digests.DetailedEntry(title: "Naïve café")), 0 },
        // a rejected entry's words are not stored, so not counted
        { "detailed, rejected", Digests.Detailed(Digests.DetailedEntry(title: "Caf√©", id: null), Digests.DetailedEntry(authors: "- **Authors**: Am√©lie Gruel")), 1 },
        { "compact", Digests.Compact(Digests.CompactEntry(title: "FranÃ§ois", abstractLines: "> MÃ¼ller and Am√©lie")), 3 },
        { "listing", """{"id": "2503.11731", "title": "Caf√©", "authors": ["Am√©lie Gruel", "Ada"], "summary": "ok", "comment": "na√Øve"}""", 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Counts_repaired_words_of_accepted_entries(string name, string text, int expected)
    {
        var parsed = name == "listing"
            ? SourceFormats.Parse("2025-03-19.jsonl", Encoding.UTF8.GetBytes(text))
            : DigestParser.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Null(parsed.FileRejection);
        Assert.Equal(expected, parsed.MojibakeRepairs);
    }

    [Fact]
    public void The_count_survives_dropping_the_entries() =>
        Assert.Equal(1, (DigestParser.Parse(Encoding.UTF8.GetBytes(Digests.Detailed(Digests.DetailedEntry(title: "Caf√©")))) with { Entries = [] }).MojibakeRepairs);
}
