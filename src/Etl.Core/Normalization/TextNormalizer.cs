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

    // The characters char.IsControl and char.IsWhiteSpace say yes to, searched for with vectorized scans.
    private static readonly SearchValues<char> ControlCharacters = AllChars(char.IsControl);
    private static readonly SearchValues<char> WhiteSpace = AllChars(char.IsWhiteSpace);

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
        // Steps 1 and 2 work in one buffer: both only ever shorten the text (a repaired word is shorter
        // than its mojibake), so each writes behind what it reads.
        var buffer = ArrayPool<char>.Shared.Rent(value.Length);
        try
        {
            var text = buffer.AsSpan(0, DropControls(value, buffer));
            if (Ascii.IsValid(text))
            {
                // No mojibake to repair and nothing for NFC to compose.
                return CollapseWhitespace(text);
            }

            // Step 3: NFC. Step 4: a repaired word may have produced new whitespace, so collapse last.
            text = text[..RepairWords(text, ref repairs)];
            return CollapseWhitespace(new string(text).Normalize(NormalizationForm.FormC));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Step 1: copies <paramref name="value"/> without its control characters; returns the length written.</summary>
    private static int DropControls(ReadOnlySpan<char> value, Span<char> destination)
    {
        var length = 0;
        for (var next = value.IndexOfAny(ControlCharacters); next >= 0; next = value.IndexOfAny(ControlCharacters))
        {
            value[..next].CopyTo(destination[length..]);
            length += next;
            value = value[(next + 1)..];
        }

        value.CopyTo(destination[length..]);
        return length + value.Length;
    }

    /// <summary>Step 2, in place: each whitespace-separated word with a non-ASCII character repaired as mojibake; returns the new length.</summary>
    private static int RepairWords(Span<char> text, ref int repairs)
    {
        var written = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (WhiteSpace.Contains(text[i]))
            {
                text[written++] = text[i++];
                continue;
            }

            var start = i;
            while (i < text.Length && !WhiteSpace.Contains(text[i]))
            {
                i++;
            }

            ReadOnlySpan<char> word = text[start..i];
            if (!Ascii.IsValid(word))
            {
                var repaired = Mojibake.RepairWord(word);
                if (!word.SequenceEqual(repaired))
                {
                    repairs++;
                    word = repaired;
                }
            }

            word.CopyTo(text[written..]);
            written += word.Length;
        }

        return written;
    }

    /// <summary>Step 4: every run of whitespace becomes one space, none at either end; an empty result is null.</summary>
    private static string? CollapseWhitespace(ReadOnlySpan<char> text)
    {
        var result = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = 0;
            for (var word = text.IndexOfAnyExcept(WhiteSpace); word >= 0; word = text.IndexOfAnyExcept(WhiteSpace))
            {
                text = text[word..];
                var end = text.IndexOfAny(WhiteSpace);
                if (end < 0)
                {
                    end = text.Length;
                }

                if (length > 0)
                {
                    result[length++] = ' ';
                }

                text[..end].CopyTo(result.AsSpan(length));
                length += end;
                text = text[end..];
            }

            return length == 0 ? null : new string(result, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(result);
        }
    }

    private static SearchValues<char> AllChars(Func<char, bool> predicate) =>
        SearchValues.Create([.. Enumerable.Range(char.MinValue, char.MaxValue + 1).Select(code => (char)code).Where(predicate)]);
}
