using System.Globalization;
using System.Text;

namespace Etl.Core.Normalization;

/// <summary>
/// The identity of an author across spellings: NFKD, combining marks removed, lowercased,
/// runs of non-word characters turned into one space (and trimmed).
/// <c>Amélie Gruel</c>, <c>Amelie  Gruel</c> and <c>AMÉLIE GRUEL</c> share the key <c>amelie gruel</c>.
/// </summary>
public static class AuthorKey
{
    public static string For(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var key = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c) || c == '_')
            {
                if (pendingSpace)
                {
                    key.Append(' ');
                    pendingSpace = false;
                }

                key.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = key.Length > 0;
            }
        }

        // A name made only of punctuation still needs an identity of its own.
        return key.Length > 0 ? key.ToString() : name.ToLowerInvariant();
    }
}
