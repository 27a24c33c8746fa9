using System.Globalization;
using System.Text;
using Etl.Core.Normalization;

namespace Etl.Core.Generation;

/// <summary>
/// A fixed population of made-up people (given name + invented family name), drawn from the corpus seed,
/// so the same person signs many papers. Popular people come first: <see cref="Choose"/> is skewed to low indexes.
/// Accented names can be spelled without accents or as mojibake; every mojibake spelling kept here is one that
/// <see cref="Mojibake.RepairWord"/> turns back into the accented name.
/// </summary>
internal sealed class AuthorPool
{
    private static readonly string[] GivenNames =
    [
        "Anna", "Marco", "Wei", "Priya", "Lukas", "Sara", "Omar", "Elena", "Tomas", "Yuki", "Nadia", "Felix", "Jonas", "Mira",
        "Ravi", "Leila", "Hugo", "Ada", "Kenji", "Olga", "Pablo", "Rosa", "Samir", "Tara", "Ivan", "Lena", "Mateo", "Nora",
        "Oscar", "Paula", "Quentin", "Rui", "Sven", "Talia", "Umar", "Vera", "Wen", "Xavier", "Yara", "Zane", "Hana", "Dario",
        "Emil", "Farah", "Greta", "Henrik", "Ilse", "Jun", "Kai", "Lior", "Maya", "Niko", "Otto", "Pia", "Reza", "Sofia",
        "Tariq", "Uma", "Viktor", "Yusuf", "Chen", "Arjun", "Mei", "Daniel", "Laura", "Peter", "Grace", "Ming", "Aisha", "Boris",
    ];

    private static readonly string[] AccentedGivenNames =
    [
        "Amélie", "Zoë", "Jérôme", "Søren", "Begoña", "Jürgen", "Inès", "Björn", "Chloé", "Hélène", "Ramón", "Joël", "Åsa", "Ngọc", "François", "Iñaki",
    ];

    private static readonly string[] FamilyStems =
    [
        "Bran", "Cast", "Dor", "Ell", "Fair", "Hal", "Kess", "Lind", "Mor", "Nor", "Ost", "Pell", "Quin", "Rav", "Sel", "Thorn",
        "Vard", "Wes", "Ard", "Bel", "Cor", "Dal", "Est", "Gar", "Hol", "Iv", "Jan", "Kor", "Lor", "Mar", "Nak", "Ok", "Pra", "Ros", "Tak", "Vel",
    ];

    private static readonly string[] FamilySuffixes =
    [
        "ick", "ow", "ley", "mann", "berg", "sen", "ard", "ine", "ova", "aki", "ez", "ton", "well", "ford", "ski", "ura",
        "ani", "ell", "son", "ier", "ota", "inen", "stad", "wick",
    ];

    private static readonly string[] AccentedFamilySuffixes = ["ström", "gård", "sø", "eño", "ière", "ünder", "ès", "ón", "øy", "ödt", "ąk"];

    private static readonly string[] ShortFamilyNames = ["Chen", "Zhao", "Park", "Nguyen", "Sato", "Kumar", "Li", "Wang", "Ito", "Singh", "Kim", "Liu"];

    private static readonly Dictionary<string, string?[]> Variants = new(StringComparer.Ordinal);

    private readonly Person[] _people;

    /// <remarks>
    /// People are drawn one after another from the seed until there are <paramref name="size"/> of them, so a larger
    /// pool of the same seed starts with the same people at the same indexes: the snapshots rely on this to add
    /// collaborations of thousands to a corpus of a few dozen people without renaming anyone.
    /// </remarks>
    public AuthorPool(int seed, int size)
    {
        var random = Rng.For(seed, 0xA07);
        var people = new List<Person>(size);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; people.Count < size && attempt < size * 20; attempt++)
        {
            var given = random.Chance(0.15) ? random.Pick(AccentedGivenNames) : random.Pick(GivenNames);
            string family;
            var u = random.NextDouble();
            if (u < 0.15)
            {
                family = random.Pick(ShortFamilyNames);
            }
            else
            {
                family = random.Pick(FamilyStems) + (u < 0.30 ? random.Pick(AccentedFamilySuffixes) : random.Pick(FamilySuffixes));
            }

            var middle = random.Chance(0.2) ? (char)('A' + random.Next(26)) : '\0';
            var person = new Person(given, middle, family);
            if (keys.Add(AuthorKey.For(person.Spell(Spelling.Canonical))))
            {
                people.Add(person);
            }
        }

        _people = [.. people];
    }

    public int Count => _people.Length;

    /// <summary>A person index, skewed so that early (prolific) people sign more papers.</summary>
    public int Choose(Random random) => Math.Min(_people.Length - 1, (int)(_people.Length * Math.Pow(random.NextDouble(), 1.7)));

    /// <summary>How this paper spells the person: accented names drift (no accents, mojibake, NFD); others rarely.</summary>
    public Spelling ChooseSpelling(Random random, int person)
    {
        var u = random.NextDouble();
        if (_people[person].IsAccented)
        {
            return u switch
            {
                < 0.60 => Spelling.Canonical,
                < 0.74 => Spelling.Ascii,
                < 0.85 => Spelling.Windows1252,
                < 0.96 => Spelling.MacRoman,
                _ => Spelling.Decomposed,
            };
        }

        return u switch
        {
            < 0.985 => Spelling.Canonical,
            < 0.993 => Spelling.UpperFamily,
            _ => Spelling.DoubleSpace,
        };
    }

    public string Spell(int person, Spelling spelling) => _people[person].Spell(spelling);

    /// <summary>
    /// The name as the metadata snapshot's <c>authors_parsed</c> splits it: forenames (given name and middle initial)
    /// and key name (family), in the given spelling; joined with one space they are <see cref="Spell"/> with its
    /// whitespace collapsed, so a snapshot and a digest that spell a person alike name the same author.
    /// </summary>
    public (string Forenames, string Keyname) Parts(int person, Spelling spelling) => _people[person].Parts(spelling);

    /// <summary>One part of a name in the given spelling; null when that spelling does not apply to it.</summary>
    private static string? Variant(string part, Spelling spelling)
    {
        if (spelling == Spelling.Canonical || Ascii.IsValid(part))
        {
            return part;
        }

        string?[]? variants;
        lock (Variants)
        {
            if (!Variants.TryGetValue(part, out variants))
            {
                variants = [part, Fold(part), Garble(part, 1252), Garble(part, 10000), part.Normalize(NormalizationForm.FormD)];
                Variants[part] = variants;
            }
        }

        return (int)spelling < variants.Length ? variants[(int)spelling] : part;
    }

    /// <summary>Drops accents: NFD without combining marks, plus the letters that do not decompose.</summary>
    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'ø' => "o",
                'Ø' => "O",
                'ł' => "l",
                'Ł' => "L",
                'ı' => "i",
                'ß' => "ss",
                'æ' => "ae",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>The text's UTF-8 bytes read in a legacy code page, kept only when it repairs back to the text.</summary>
    private static string? Garble(string text, int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var garbled = Encoding.GetEncoding(codePage).GetString(Encoding.UTF8.GetBytes(text));
        foreach (var c in garbled)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format || c == '\uFFFD')
            {
                return null;
            }
        }

        return garbled != text && Mojibake.RepairWord(garbled) == text ? garbled : null;
    }

    private readonly record struct Person(string Given, char Middle, string Family)
    {
        public bool IsAccented => !Ascii.IsValid(Given) || !Ascii.IsValid(Family);

        public string Spell(Spelling spelling)
        {
            var (forenames, family) = Parts(spelling);
            return forenames + (spelling == Spelling.DoubleSpace ? "  " : " ") + family;
        }

        public (string Forenames, string Family) Parts(Spelling spelling)
        {
            var given = Variant(Given, spelling) ?? Given;
            var family = Variant(Family, spelling) ?? Family;
            if (spelling == Spelling.UpperFamily)
            {
                family = family.ToUpperInvariant();
            }

            return (Middle == '\0' ? given : string.Concat(given, " ", Middle.ToString(), "."), family);
        }
    }
}
