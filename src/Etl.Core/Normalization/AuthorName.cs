using System.Text;

namespace Etl.Core.Normalization;

/// <summary>
/// The one rule for what counts as an author, shared by every format that carries author lists.
/// </summary>
public static class AuthorName
{
    /// <summary>
    /// Normalizes one author token; null when it is not an author. Real digests write collaborations as
    /// <c>OpenAI, :, Aaron Hurst</c> and end lists with <c>, .</c>: a token with no letter or digit names
    /// nobody, and as an author it would rank among the most prolific in every report. Such tokens are
    /// dropped before positions are numbered.
    /// </summary>
    public static string? Normalize(ReadOnlySpan<char> raw)
    {
        var repairs = 0;
        return Normalize(raw, ref repairs);
    }

    /// <inheritdoc cref="Normalize(ReadOnlySpan{char})"/>
    /// <param name="raw">The token as written.</param>
    /// <param name="repairs">Incremented once per word repaired as mojibake.</param>
    public static string? Normalize(ReadOnlySpan<char> raw, ref int repairs)
    {
        var name = TextNormalizer.Normalize(raw.ToString(), ref repairs);
        return name is not null && HasLetterOrDigit(name) ? name : null;
    }

    private static bool HasLetterOrDigit(string name)
    {
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                return true;
            }
        }

        return false;
    }
}
