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
internal sealed class ListingEntryReader
{
    private char[] _buffer = new char[4096];
    private int _repairs;  // words of the current line's texts repaired as mojibake

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
        _repairs = 0;
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
        }, _repairs);
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

    private string? ReadId(ref Utf8JsonReader reader, out string? id)
    {
        id = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return "\"id\" must be a string: an arXiv id without version such as \"2503.11731\" or \"cs/9810003\"";
        }

        var value = Unescape(ref reader);
        if (!ArxivIds.IsValidId(value))
        {
            return $"\"id\" '{value}' is not an arXiv id without version such as \"2503.11731\" or \"cs/9810003\"";
        }

        id = value.ToString();
        return null;
    }

    /// <summary>A string (normalized; empty reads as null) or null; anything else breaks the rule.</summary>
    private string? ReadText(ref Utf8JsonReader reader, string key, out string? text)
    {
        text = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            var found = Describe(reader.TokenType);
            reader.Skip();
            return $"\"{key}\" must be a string or null, not {found}";
        }

        text = TextNormalizer.Normalize(Unescape(ref reader), ref _repairs);
        return null;
    }

    /// <summary>An array of strings (or null: none); each string goes through <paramref name="add"/>.</summary>
    private string? ReadStrings(ref Utf8JsonReader reader, string key, List<string> values, Action<List<string>, ReadOnlySpan<char>> add)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            var found = Describe(reader.TokenType);
            reader.Skip();
            return $"\"{key}\" must be an array of strings, not {found}";
        }

        string? problem = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String && problem is null)
            {
                add(values, Unescape(ref reader));
                continue;
            }

            problem ??= $"\"{key}\" must be an array of strings, but holds {Describe(reader.TokenType)}";
            reader.Skip();
        }

        return problem;
    }

    /// <summary>An author name, or nothing when the token names nobody (<see cref="AuthorName"/>).</summary>
    private void AddAuthor(List<string> authors, ReadOnlySpan<char> raw)
    {
        if (AuthorName.Normalize(raw, ref _repairs) is { } name)
        {
            authors.Add(name);
        }
    }

    /// <summary>arXiv category codes in order, once each; anything else (ACM, MSC codes) is dropped.</summary>
    private static void AddCategory(List<string> categories, ReadOnlySpan<char> raw)
    {
        var token = raw.Trim();
        if (!ArxivIds.IsCategory(token))
        {
            return;
        }

        foreach (var known in categories)
        {
            if (token.SequenceEqual(known))
            {
                return;
            }
        }

        categories.Add(token.ToString());
    }

    /// <summary>
    /// The string value, unescaped into the reused buffer. Line breaks in a value are the lines of the text it
    /// was written from: they become spaces (as continuation lines do in detailed digests) instead of being
    /// removed as control characters, which would glue the words around them together.
    /// </summary>
    private ReadOnlySpan<char> Unescape(ref Utf8JsonReader reader)
    {
        if (_buffer.Length < reader.ValueSpan.Length)
        {
            _buffer = new char[Math.Max(reader.ValueSpan.Length, _buffer.Length * 2)];
        }

        var chars = _buffer.AsSpan(0, reader.CopyString(_buffer));
        chars.Replace('\n', ' ');
        chars.Replace('\r', ' ');
        return chars;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>The reader's message without its "LineNumber: 0 | BytePositionInLine: n." tail, which counts within the line.</summary>
    private static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = tail < 0 ? message : message[..tail];
        return exception.BytePositionInLine is { } position ? $"{text} (at byte {position + 1} of the line)" : text;
    }
}
