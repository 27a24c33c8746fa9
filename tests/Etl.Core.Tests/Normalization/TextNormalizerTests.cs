using Etl.Core.Normalization;
using Xunit;

namespace Etl.Core.Tests.Normalization;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("  runs \t of\u00A0 space\n", "runs of space")]
    [InlineData("bell\u0007 and\u0000 nul", "bell and nul")]
    [InlineData("Am√©lie Gruel", "Amélie Gruel")]
    [InlineData("Ã©cole", "école")]
    [InlineData("FranÃ§ois MÃ¼ller", "François Müller")]
    [InlineData("Amélie", "Amélie")]
    [InlineData("naïve café", "naïve café")]
    [InlineData("e\u0301cole", "\u00E9cole")]
    [InlineData("über√", "über√")]
    [InlineData("x ≈ y", "x ≈ y")]
    public void Normalizes_control_characters_mojibake_nfc_and_whitespace(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    // One count per repaired word, however many broken characters it held.
    [Theory]
    [InlineData("plain text", 0)]
    [InlineData("Am√©lie Gruel", 1)]
    [InlineData("C√©sar Herv√°s-Mart√≠nez", 2)]
    [InlineData("FranÃ§ois MÃ¼ller", 2)]
    [InlineData("naïve café", 0)]
    [InlineData("über√", 0)]
    [InlineData("x ≈ y", 0)]
    public void Counts_the_words_repaired_as_mojibake(string input, int expected)
    {
        var repairs = 0;
        TextNormalizer.Normalize(input, ref repairs);
        TextNormalizer.Normalize(input.AsSpan(), ref repairs);
        Assert.Equal(2 * expected, repairs);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0001\u0002")]
    public void Empty_text_is_null(string? input) => Assert.Null(TextNormalizer.Normalize(input));
}
