using System.Text;
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

    /// <summary>
    /// The normalizer against the contract's four steps written plainly (below), on random texts made of
    /// what makes the steps differ: controls, every kind of whitespace, mojibake, combining marks, ASCII.
    /// </summary>
    [Fact]
    public void Gives_what_the_four_steps_written_plainly_give()
    {
        string[] pieces =
        [
            "a", "Zeta", "x", "42", "-", ".", " ", "  ", "\t", "\n", "\r\n", "\u0000", "\u0007", "\u007F", "\u0085", "\u009F",
            "\u00A0", "\u2003", "\u3000", "\u2028", "Ã©", "Ã", "â€™", "√©", "Am√©lie", "Ã\u00A0", "é", "e\u0301", "\u0301",
            "ü", "≈", "√", "\uFFFD", "日本", "\U0001F600",
        ];
        var random = new Random(23);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(0, 9); n > 0; n--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            var input = text.ToString();
            int repairs = 0, expectedRepairs = 0;
            var expected = FourStepsPlainly(input, ref expectedRepairs);
            Assert.Equal(expected, TextNormalizer.Normalize(input, ref repairs));
            Assert.Equal(expected, TextNormalizer.Normalize(input.AsSpan(), ref repairs));
            Assert.Equal(2 * expectedRepairs, repairs);
        }
    }

    // docs/data-contract.md's normalization, one step at a time.
    private static string? FourStepsPlainly(string value, ref int repairs)
    {
        var withoutControls = string.Concat(value.Where(c => !char.IsControl(c)));
        var repaired = new StringBuilder();
        var word = new StringBuilder();
        foreach (var c in withoutControls + " ")
        {
            if (!char.IsWhiteSpace(c))
            {
                word.Append(c);
                continue;
            }

            var fixedWord = Mojibake.RepairWord(word.ToString());
            repairs += fixedWord == word.ToString() ? 0 : 1;
            repaired.Append(fixedWord).Append(c);
            word.Clear();
        }

        var words = repaired.ToString().Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : string.Join(' ', words);
    }
}
