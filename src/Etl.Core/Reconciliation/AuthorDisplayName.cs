using System.Text;

namespace Etl.Core.Reconciliation;

/// <summary>
/// Which spelling shows for an author: the most frequent among all entries with authors (detailed and listing); ties go to the
/// spelling with more non-ASCII letters (the one that kept its accents), then to the ordinal-first.
/// </summary>
public static class AuthorDisplayName
{
    public static string Choose(IEnumerable<AuthorVariant> variants)
    {
        AuthorVariant? best = null;
        foreach (var variant in variants)
        {
            if (best is null || Beats(variant, best))
            {
                best = variant;
            }
        }

        return best?.Spelling ?? throw new ArgumentException("an author needs at least one spelling", nameof(variants));
    }

    /// <summary>Letters outside ASCII, counted by code point.</summary>
    public static int NonAsciiLetters(string spelling)
    {
        var count = 0;
        foreach (var rune in spelling.EnumerateRunes())
        {
            if (!rune.IsAscii && Rune.IsLetter(rune))
            {
                count++;
            }
        }

        return count;
    }

    private static bool Beats(AuthorVariant candidate, AuthorVariant best)
    {
        if (candidate.Entries != best.Entries)
        {
            return candidate.Entries > best.Entries;
        }

        var byAccents = NonAsciiLetters(candidate.Spelling).CompareTo(NonAsciiLetters(best.Spelling));
        return byAccents != 0 ? byAccents > 0 : string.CompareOrdinal(candidate.Spelling, best.Spelling) < 0;
    }
}
