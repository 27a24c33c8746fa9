using System.Buffers;
using System.Text;

namespace Etl.Core.Normalization;

/// <summary>
/// The data contract's text normalization, applied to every text value of both formats, in this order:
/// remove control characters, repair mojibake word by word, Unicode NFC, collapse whitespace and trim.
/// An empty result is null.
/// </summary>
public static class TextNormalizer
{
    // Printable ASCII needs none of the four steps except whitespace collapsing, so most values
    // (titles, abstracts) take the vectorized fast path and come back as the same string instance.
    private static readonly SearchValues<char> PrintableAscii =
        SearchValues.Create(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    public static string? Normalize(string? value)
    {
        var repairs = 0;
        return Normalize(value, ref repairs);
    }

    /// <param name="value">The text to normalize.</param>
    /// <param name="repairs">Incremented once per word repaired as mojibake (the warehouse keeps only the repaired text).</param>
    public static string? Normalize(string? value, ref int repairs)
    {
        if (value is null)
        {
            return null;
        }

        ReadOnlySpan<char> span = value;
        if (span.IndexOfAnyExcept(PrintableAscii) < 0)
        {
            if (span.Length == 0)
            {
                return null;
            }

            if (span[0] != ' ' && span[^1] != ' ' && !span.Contains("  ", StringComparison.Ordinal))
            {
                return value;
            }
        }

        return NormalizeSlow(span, ref repairs);
    }

    /// <summary>Normalizes a span, allocating only the result.</summary>
    public static string? Normalize(ReadOnlySpan<char> value)
    {
        var repairs = 0;
        return Normalize(value, ref repairs);
    }

    /// <inheritdoc cref="Normalize(ReadOnlySpan{char})"/>
    /// <param name="value">The text to normalize.</param>
    /// <param name="repairs">Incremented once per word repaired as mojibake.</param>
    public static string? Normalize(ReadOnlySpan<char> value, ref int repairs)
    {
        if (value.IndexOfAnyExcept(PrintableAscii) < 0)
        {
            var trimmed = value.Trim(' ');
            if (trimmed.Length == 0)
            {
                return null;
            }

            if (!trimmed.Contains("  ", StringComparison.Ordinal))
            {
                return trimmed.ToString();
            }
        }

        return NormalizeSlow(value, ref repairs);
    }

    private static string? NormalizeSlow(ReadOnlySpan<char> value, ref int repairs)
    {
        // Steps 1 and 2: drop control characters, then repair each whitespace-separated word.
        var withoutControls = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsControl(c))
            {
                withoutControls.Append(c);
            }
        }

        var repaired = new StringBuilder(withoutControls.Length);
        var text = withoutControls.ToString();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var atBoundary = i == text.Length || char.IsWhiteSpace(text[i]);
            if (!atBoundary)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                var word = text.AsSpan(start, i - start);
                var repairedWord = Mojibake.RepairWord(word);
                if (!word.SequenceEqual(repairedWord))
                {
                    repairs++;
                }

                repaired.Append(repairedWord);
                start = -1;
            }

            if (i < text.Length)
            {
                repaired.Append(text[i]);
            }
        }

        // Step 3: NFC. Step 4: a repaired word may have produced new whitespace, so collapse last.
        var composed = repaired.ToString().Normalize(NormalizationForm.FormC);
        return CollapseWhitespace(composed);
    }

    private static string? CollapseWhitespace(string value)
    {
        var result = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.Length == 0 ? null : result.ToString();
    }
}
