using System.Text.Json;
using Etl.Core.Model;
using Etl.Core.Normalization;

namespace Etl.Core.Parsing;

/// <summary>
/// One line of a daily listing: a JSON object with <c>id</c> (an arXiv id without version), <c>title</c> (a
/// non-empty string after normalization), <c>authors</c> and <c>categories</c> (arrays of strings),
/// <c>summary</c> and <c>comment</c> (strings or null). Every other key is ignored; the first occurrence of a
/// key wins. Values are unescaped into one reused buffer and normalized from there, so a line costs no string
/// of its own: only the values kept are allocated.
/// </summary>
internal sealed class ListingEntryReader : JsonLineReader
{

    private enum Key
    {
        Other,
        Id,
        Title,
        Authors,
        Categories,
        Summary,
        Comment,
    }

    /// <param name="line">The line's bytes (valid UTF-8, without its line feed).</param>
    /// <param name="number">Its 1-based line number in the file.</param>
    /// <param name="isObjectWithId">True when the line is a JSON object with an <c>id</c> key, whatever its values (what recognizes a listing).</param>
    public EntryResult Read(ReadOnlySpan<byte> line, int number, out bool isObjectWithId)
    {
        isObjectWithId = false;
        Repairs = 0;
        var reader = new Utf8JsonReader(line);
        Span<bool> seen = stackalloc bool[(int)Key.Comment + 1];
        string? problem = null;
        string? id = null, title = null, summary = null, comment = null;
        List<string> authors = [];
        List<string> categories = [];
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                while (reader.Read())
                {
                    // Read to the end, so a line that is not JSON at all says so rather than "not an object".
                }

                return EntryResult.Reject(number, "the line is not a JSON object; every line of a listing is one paper as {\"id\": …, \"title\": …}");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = Identify(ref reader);
                reader.Read();
                isObjectWithId |= key == Key.Id;
                if (key == Key.Other || seen[(int)key] || problem is not null)
                {
                    reader.Skip();
                    continue;
                }

                seen[(int)key] = true;
                problem = key switch
                {
                    Key.Id => ReadId(ref reader, out id),
                    Key.Title => ReadText(ref reader, "title", out title),
                    Key.Authors => ReadStrings(ref reader, "authors", authors, AddAuthor),
                    Key.Categories => ReadStrings(ref reader, "categories", categories, AddCategory),
                    Key.Summary => ReadText(ref reader, "summary", out summary),
                    _ => ReadText(ref reader, "comment", out comment),
                };
            }

            // Anything after the object's closing brace other than whitespace throws here.
            reader.Read();
        }
        catch (JsonException exception)
        {
            isObjectWithId = false;
            return EntryResult.Reject(number, $"the line is not valid JSON: {Describe(exception)}");
        }

        if (problem is not null)
        {
            return EntryResult.Reject(number, problem);
        }

        if (!seen[(int)Key.Id])
        {
            return EntryResult.Reject(number, "entry has no \"id\"; every listing entry needs an arXiv id without version such as \"2503.11731\"");
        }

        if (title is null)
        {
            return EntryResult.Reject(number, $"entry {id} has no title: \"title\" must be a non-empty string");
        }

        return EntryResult.Accept(new DigestEntry
        {
            Line = number,
            Format = DigestFormat.Listing,
            ArxivId = id!,
            Title = title,
            Abstract = summary,
            Authors = authors,
            Categories = categories,
            PrimaryCategory = categories.Count > 0 ? categories[0] : null,
            Comment = comment,
        }, Repairs);
    }

    private static Key Identify(ref Utf8JsonReader reader) => reader switch
    {
        _ when reader.ValueTextEquals("id"u8) => Key.Id,
        _ when reader.ValueTextEquals("title"u8) => Key.Title,
        _ when reader.ValueTextEquals("authors"u8) => Key.Authors,
        _ when reader.ValueTextEquals("categories"u8) => Key.Categories,
        _ when reader.ValueTextEquals("summary"u8) => Key.Summary,
        _ when reader.ValueTextEquals("comment"u8) => Key.Comment,
        _ => Key.Other,
    };

}
