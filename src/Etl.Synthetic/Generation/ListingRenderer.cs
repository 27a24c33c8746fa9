using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Etl.Core.Generation;

/// <summary>
/// Writes daily JSON-lines listings as dw-dengwei/daily-arXiv-ai-enhanced does: one object per paper with
/// <c>id</c>, <c>pdf</c>, <c>abs</c>, <c>authors</c>, <c>title</c>, <c>categories</c>, <c>comment</c> and
/// <c>summary</c> (hard-wrapped with line feeds like arXiv's own abstracts), each paper at the highest version
/// submitted before the listing date. The AI-enhanced twin repeats some of the day's rows with a machine-written
/// <c>AI</c> object. With a bad-entry generator about 1% of lines are broken on purpose.
/// </summary>
internal static class ListingRenderer
{
    private const int WrapWidth = 80;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private enum BadLine
    {
        Truncated,
        IdWithVersion,
        EmptyTitle,
        AuthorsAsText,
    }

    public static string Daily(DateOnly date, IReadOnlyList<SyntheticPaper> papers, AuthorPool authors, Random? bad)
    {
        var builder = new StringBuilder(papers.Count * 1500);
        foreach (var paper in papers)
        {
            var line = Line(paper, date, authors, ai: false);
            if (bad is not null && bad.Chance(0.01))
            {
                line = Break(line, paper, (BadLine)bad.Next(4));
            }

            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The AI-enhanced twin of a day: about half of its rows, each with an extra <c>AI</c> object (ignored by the loader).</summary>
    public static string AiEnhanced(DateOnly date, IReadOnlyList<SyntheticPaper> papers, AuthorPool authors)
    {
        var builder = new StringBuilder(papers.Count * 1000);
        foreach (var paper in papers)
        {
            if (Rng.For(paper.Seed, 0xA1).Chance(0.5))
            {
                builder.Append(Line(paper, date, authors, ai: true)).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static string Line(SyntheticPaper paper, DateOnly date, AuthorPool authors, bool ai)
    {
        var version = paper.VersionAsOf(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var (title, summary) = SyntheticText.TitleAndAbstract(paper.Seed, paper.Topic, version);
        var comment = SyntheticText.Comment(paper.Seed, paper.Topic, version, paper.Published.Year);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("id", paper.Id);
            json.WriteString("pdf", "https://arxiv.org/pdf/" + paper.Id);
            json.WriteString("abs", "https://arxiv.org/abs/" + paper.Id);
            json.WriteStartArray("authors");
            for (var i = 0; i < paper.Authors.Length; i++)
            {
                json.WriteStringValue(authors.Spell(paper.Authors[i], paper.Spellings[i]));
            }

            json.WriteEndArray();
            json.WriteString("title", title);
            json.WriteStartArray("categories");
            foreach (var category in paper.Categories)
            {
                json.WriteStringValue(category);
            }

            json.WriteEndArray();
            json.WriteString("comment", comment is null ? null : Wrap(comment));
            json.WriteString("summary", Wrap(summary));
            if (ai)
            {
                json.WriteStartObject("AI");
                json.WriteString("tldr", summary.Split(". ")[0] + ".");
                json.WriteString("method", title);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Hard line breaks before 80 columns, as arXiv abstracts are written.</summary>
    private static string Wrap(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        var column = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (column > 0 && column + 1 + word.Length > WrapWidth)
            {
                builder.Append('\n');
                column = 0;
            }
            else if (column > 0)
            {
                builder.Append(' ');
                column++;
            }

            builder.Append(word);
            column += word.Length;
        }

        return builder.ToString();
    }

    private static string Break(string line, SyntheticPaper paper, BadLine how) => how switch
    {
        BadLine.Truncated => line[..(line.Length / 2)],
        BadLine.IdWithVersion => line.Replace($"\"id\":\"{paper.Id}\"", $"\"id\":\"{paper.Id}v1\"", StringComparison.Ordinal),
        BadLine.EmptyTitle => string.Concat("{\"id\":\"", paper.Id, "\",\"title\":\" \",", line.AsSpan(1)),
        _ => string.Create(CultureInfo.InvariantCulture, $"{{\"id\":\"{paper.Id}\",\"authors\":\"{paper.Authors.Length} authors\",\"title\":\"x\"}}"),
    };
}
