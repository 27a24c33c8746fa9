using System.Globalization;
using System.Text;

namespace Etl.Core.Generation;

/// <summary>
/// Writes digests in the two layouts of the real listings. Compact: <c># ArXiv cs.CV --Thu, 1 Oct 2020</c>, then per
/// paper a numbered heading with the PDF link and one <c>&gt;</c> line of v1 abstract as listing HTML (entities, links,
/// <c>&lt;br&gt;</c>). Detailed: <c># Arxiv Papers in cs.CV on 2020-09-30</c>, then per paper a <c>### title</c> and ten
/// <c>- **Field**:</c> lines, long comments wrapped with two-space continuation lines, three blank lines after each entry.
/// </summary>
internal static class DigestRenderer
{
    private const int WrapWidth = 80;

    public static string CompactHeader(string category, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"# ArXiv {category} --{date.ToString("ddd, d MMM yyyy", CultureInfo.InvariantCulture)}");

    public static string DetailedHeader(string category, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"# Arxiv Papers in {category} on {date:yyyy-MM-dd}");

    /// <summary>A compact listing: the category's own papers first, then its cross-lists, each newest first.</summary>
    public static string Compact(string category, DateOnly date, IReadOnlyList<SyntheticPaper> papers)
    {
        var ordered = papers
            .OrderBy(p => p.Primary == category ? 0 : 1)
            .ThenByDescending(p => p.Published)
            .ThenBy(p => p.Id, StringComparer.Ordinal);
        var builder = new StringBuilder(256 + (papers.Count * 1200));
        builder.Append(CompactHeader(category, date)).Append('\n');
        var number = 0;
        foreach (var paper in ordered)
        {
            number++;
            var (title, summary) = SyntheticText.TitleAndAbstract(paper.Seed, paper.Topic, 1);
            builder.Append(CultureInfo.InvariantCulture, $"### {number}.");
            AppendEscaped(builder, title);
            builder.Append("  [ :arrow_down: ](https://arxiv.org/pdf/").Append(paper.Id).Append(".pdf)\n");
            builder.Append(">  ");
            AppendListingHtml(builder, summary, paper.Seed);
            builder.Append("      \n");
        }

        return builder.ToString();
    }

    /// <summary>A detailed digest: each paper at the highest version submitted before <paramref name="asOf"/>, oldest first.</summary>
    public static string Detailed(string category, DateOnly date, IReadOnlyList<SyntheticPaper> papers, DateTime asOf, AuthorPool authors, Random? bad)
    {
        var builder = new StringBuilder(256 + (papers.Count * 2000));
        builder.Append(DetailedHeader(category, date)).Append('\n');
        foreach (var paper in papers)
        {
            var broken = bad is not null && bad.Chance(0.01) ? (BadEntry)(1 + bad.Next(6)) : BadEntry.None;
            AppendDetailedEntry(builder, paper, paper.VersionAsOf(asOf), authors, broken);
        }

        return builder.ToString();
    }

    private static void AppendDetailedEntry(StringBuilder builder, SyntheticPaper paper, int version, AuthorPool authors, BadEntry broken)
    {
        var topic = paper.Topic;
        var year = paper.Published.Year;
        var updated = paper.VersionTimes[version - 1];
        var (title, summary) = SyntheticText.TitleAndAbstract(paper.Seed, topic, version);
        var journal = SyntheticText.Journal(paper.Seed, version, year);
        builder.Append("### ").Append(title).Append('\n');
        builder.Append("- **Arxiv ID**: ").Append(broken switch
        {
            BadEntry.IdWithoutVersion => "http://arxiv.org/abs/" + paper.Id,
            BadEntry.IdNotUrl => string.Create(CultureInfo.InvariantCulture, $"arXiv:{paper.Id}v{version}"),
            BadEntry.IdWithLetter => string.Create(CultureInfo.InvariantCulture, $"http://arxiv.org/abs/{LetterForZero(paper.Id)}v{version}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"http://arxiv.org/abs/{paper.Id}v{version}"),
        }).Append('\n');
        builder.Append("- **DOI**: ").Append(SyntheticText.Doi(paper.Seed, year, journal is not null) ?? "None").Append('\n');
        builder.Append("- **Categories**: ");
        AppendCategories(builder, paper);
        builder.Append('\n');
        builder.Append(CultureInfo.InvariantCulture, $"- **Links**: [PDF]({(year >= 2024 ? "https" : "http")}://arxiv.org/pdf/{paper.Id}v{version})\n");
        switch (broken)
        {
            case BadEntry.PublishedImpossible:
                builder.Append(CultureInfo.InvariantCulture, $"- **Published**: {paper.Published:yyyy}-13-{paper.Published:dd} 25:{paper.Published:mm:ss}+00:00\n");
                break;
            case BadEntry.PublishedSlashes:
                builder.Append(CultureInfo.InvariantCulture, $"- **Published**: {paper.Published:dd'/'MM'/'yyyy HH:mm}\n");
                break;
            case BadEntry.PublishedMissing:
                break;
            default:
                builder.Append("- **Published**: ").Append(Timestamp(paper.Published)).Append('\n');
                break;
        }

        builder.Append("- **Updated**: ").Append(Timestamp(updated)).Append('\n');
        builder.Append("- **Authors**: ");
        for (var i = 0; i < paper.Authors.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(authors.Spell(paper.Authors[i], paper.Spellings[i]));
        }

        builder.Append('\n');
        AppendField(builder, "Comment", SyntheticText.Comment(paper.Seed, topic, version, year) ?? "None", wrap: true);
        AppendField(builder, "Journal", journal ?? "None", wrap: true);
        AppendField(builder, "Summary", summary, paper.WrapSummary);
        builder.Append("\n\n\n");
    }

    private static void AppendCategories(StringBuilder builder, SyntheticPaper paper)
    {
        var categories = paper.Categories;
        if (paper.CategoryStyle == 2)
        {
            var sorted = categories.Order(StringComparer.Ordinal).ToArray();
            for (var i = 0; i < sorted.Length; i++)
            {
                builder.Append(i > 0 ? ", " : string.Empty);
                builder.Append(sorted[i] == paper.Primary ? "**" + sorted[i] + "**" : sorted[i]);
            }
        }
        else
        {
            builder.Append(paper.CategoryStyle == 0 ? "**" + categories[0] + "**" : categories[0]);
            for (var i = 1; i < categories.Length; i++)
            {
                builder.Append(", ").Append(categories[i]);
            }
        }

        if (paper.ClassCodes is not null)
        {
            builder.Append(", ").Append(paper.ClassCodes);
        }
    }

    /// <summary><c>- **Key**: value</c>; when wrapping, lines break before 80 columns and continue indented by two spaces.</summary>
    private static void AppendField(StringBuilder builder, string key, string value, bool wrap)
    {
        var start = builder.Length;
        builder.Append("- **").Append(key).Append("**: ");
        if (!wrap || builder.Length - start + value.Length <= WrapWidth)
        {
            builder.Append(value).Append('\n');
            return;
        }

        var column = builder.Length - start;
        var first = true;
        foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!first && column + 1 + word.Length > WrapWidth)
            {
                builder.Append("\n  ").Append(word);
                column = 2 + word.Length;
                continue;
            }

            if (!first)
            {
                builder.Append(' ');
                column++;
            }

            builder.Append(word);
            column += word.Length;
            first = false;
        }

        builder.Append('\n');
    }

    /// <summary>Plain text as the HTML listings show it: entities escaped, URLs as links, sometimes a <c>&lt;br&gt;</c> between sentences.</summary>
    private static void AppendListingHtml(StringBuilder builder, string text, int seed)
    {
        var random = Rng.For(seed, 0x11);
        var breaks = random.Chance(0.25);
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (i > 0)
            {
                builder.Append(' ');
                if (breaks && words[i - 1].EndsWith('.') && char.IsUpper(word[0]) && random.Chance(0.3))
                {
                    builder.Append("<br>");
                }
            }

            if (word.StartsWith("https://", StringComparison.Ordinal))
            {
                var url = word.TrimEnd('.', ',', ')');
                builder.Append("<a class=\"link-external link-https\" href=\"").Append(url).Append("\" rel=\"external noopener nofollow\">this https URL</a>");
                AppendEscaped(builder, word[url.Length..]);
            }
            else
            {
                AppendEscaped(builder, word);
            }
        }
    }

    private static void AppendEscaped(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static string LetterForZero(string id)
    {
        var zero = id.IndexOf('0', StringComparison.Ordinal);
        return zero < 0 ? id + "O" : string.Concat(id.AsSpan(0, zero), "O", id.AsSpan(zero + 1));
    }
}
