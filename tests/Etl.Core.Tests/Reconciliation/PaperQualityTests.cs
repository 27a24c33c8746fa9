using Etl.Core.Reconciliation;
using Xunit;

namespace Etl.Core.Tests.Reconciliation;

/// <summary>
/// The quality facts of one paper, entry by entry. Each case is a paper's entries as
/// <c>digest:format:version:text</c> (version empty when the entry speaks for none), then the expected
/// formats, duplicate entries, conflicting formats and differing pairs (lists joined by <c>|</c>).
/// </summary>
public sealed class PaperQualityTests
{
    [Theory]
    // One entry: nothing to repeat, conflict or differ with.
    [InlineData("1:detailed:1:a", "detailed", 0, "", "")]
    [InlineData("1:compact::a", "compact", 0, "", "")]
    // The same text of a version in two formats agrees; another text differs.
    [InlineData("1:compact:1:a 2:detailed:1:a", "compact|detailed", 0, "", "")]
    [InlineData("1:compact:1:a 2:detailed:1:b", "compact|detailed", 0, "", "compact vs detailed")]
    // Two texts of one version in one format conflict; sharing one text with the other format, they do not differ.
    [InlineData("1:detailed:1:a 2:detailed:1:b 3:listing:1:a", "detailed|listing", 0, "detailed", "")]
    [InlineData("1:detailed:1:a 2:detailed:1:b 3:listing:1:c", "detailed|listing", 0, "detailed", "detailed vs listing")]
    // Different versions never compare: v1 and v2 of the same format, or of two formats.
    [InlineData("1:detailed:1:a 2:detailed:2:b", "detailed", 0, "", "")]
    [InlineData("1:compact:1:a 2:detailed:2:b", "compact|detailed", 0, "", "")]
    // One element per version: a format conflicting on two versions counts twice, a pair differing on two versions too.
    [InlineData("1:detailed:1:a 2:detailed:1:b 3:detailed:2:c 4:detailed:2:d", "detailed", 0, "detailed|detailed", "")]
    [InlineData("1:compact:1:a 2:detailed:1:b 3:compact:2:c 4:detailed:2:d", "compact|detailed", 0, "", "compact vs detailed|compact vs detailed")]
    // Entries that speak for no version count for formats and duplicates only.
    [InlineData("1:listing::a 2:detailed:1:b", "detailed|listing", 0, "", "")]
    // A paper twice in one file is a duplicate; the same text twice is not a conflict.
    [InlineData("1:detailed:1:a 1:detailed:1:a", "detailed", 1, "", "")]
    [InlineData("1:detailed:1:a 1:detailed:1:b 1:detailed:1:c", "detailed", 2, "detailed", "")]
    // Three formats: pairs are listed by their first format, then their second.
    [InlineData("1:snapshot:1:a 2:listing:1:b 3:detailed:1:c 4:compact:1:a", "compact|detailed|listing|snapshot", 0, "",
                "compact vs detailed|compact vs listing|detailed vs listing|detailed vs snapshot|listing vs snapshot")]
    public void Facts_of_a_paper(string entries, string formats, int duplicates, string conflicting, string differing)
    {
        var quality = PaperQuality.Of([.. entries.Split(' ').Select(Entry)]);

        Assert.Equal(List(formats), quality.Formats);
        Assert.Equal(duplicates, quality.DuplicateEntries);
        Assert.Equal(List(conflicting), quality.ConflictingFormats);
        Assert.Equal(List(differing), quality.DifferingFormats);
    }

    [Fact]
    public void The_order_of_the_entries_does_not_matter()
    {
        QualityEntry[] entries = [.. "1:compact:1:a 2:detailed:1:b 2:detailed:1:c 3:listing:2:d 4:listing:2:e 5:snapshot:2:d".Split(' ').Select(Entry)];
        var expected = PaperQuality.Of(entries);
        var random = new Random(3);
        for (var i = 0; i < 20; i++)
        {
            var shuffled = entries.OrderBy(_ => random.Next()).ToArray();
            var quality = PaperQuality.Of(shuffled);
            Assert.Equal(expected.Formats, quality.Formats);
            Assert.Equal(expected.DuplicateEntries, quality.DuplicateEntries);
            Assert.Equal(expected.ConflictingFormats, quality.ConflictingFormats);
            Assert.Equal(expected.DifferingFormats, quality.DifferingFormats);
        }
    }

    private static QualityEntry Entry(string text)
    {
        var parts = text.Split(':');
        return new QualityEntry(
            long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            parts[1],
            parts[2].Length == 0 ? null : int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture),
            parts[3][0]);
    }

    private static string[] List(string joined) => joined.Length == 0 ? [] : joined.Split('|');
}
