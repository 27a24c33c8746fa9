using System.Text.Json;
using Etl.Core.Normalization;

namespace Etl.Core.Parsing;

/// <summary>
/// What the readers of JSON-lines formats (listings, snapshot records) share: values unescaped into one
/// reused buffer and normalized from there, so a line costs no string of its own (only the values kept are
/// allocated), and the same rules for texts, author names and category codes as every other format.
/// </summary>
internal abstract class JsonLineReader
{
    private char[] _buffer = new char[4096];
    private int _repairs;

    /// <summary>Words of the current line's texts repaired as mojibake; a reader resets it per line.</summary>
    protected int Repairs
    {
        get => _repairs;
        set => _repairs = value;
    }

    /// <summary>An arXiv id without version (every JSON-lines format names its paper so).</summary>
    protected string? ReadId(ref Utf8JsonReader reader, out string? id)
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
    protected string? ReadText(ref Utf8JsonReader reader, string key, out string? text)
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
    protected string? ReadStrings(ref Utf8JsonReader reader, string key, List<string> values, Action<List<string>, ReadOnlySpan<char>> add)
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
    protected void AddAuthor(List<string> authors, ReadOnlySpan<char> raw)
    {
        if (AuthorName.Normalize(raw, ref _repairs) is { } name)
        {
            authors.Add(name);
        }
    }

    /// <summary>arXiv category codes in order, once each; anything else (ACM, MSC codes) is dropped.</summary>
    protected static void AddCategory(List<string> categories, ReadOnlySpan<char> raw)
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
    protected ReadOnlySpan<char> Unescape(ref Utf8JsonReader reader)
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

    protected static string Describe(JsonTokenType token) => token switch
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
    protected static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = tail < 0 ? message : message[..tail];
        return exception.BytePositionInLine is { } position ? $"{text} (at byte {position + 1} of the line)" : text;
    }
}
