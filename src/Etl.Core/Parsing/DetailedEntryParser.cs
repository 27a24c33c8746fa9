using System.Text;
using Etl.Core.Model;
using Etl.Core.Normalization;

namespace Etl.Core.Parsing;

/// <summary>
/// Detailed entries: <c>### {title}</c> then <c>- **{Key}**: {value}</c> fields. An indented, non-blank
/// line continues the previous field (joined with one space). <c>None</c> means null. A missing or
/// malformed Arxiv ID, Published or Updated rejects the entry; every other field is optional.
/// </summary>
internal static class DetailedEntryParser
{
    private const string FieldPrefix = "- **";
    private const string FieldSuffix = "**:";

    public static EntryResult Parse(EntryBlock block)
    {
        var fields = new Fields();
        var current = Field.None;
        foreach (var (number, line) in block.Body)
        {
            var text = line.Span;
            if (text.StartsWith(FieldPrefix, StringComparison.Ordinal))
            {
                var end = text[FieldPrefix.Length..].IndexOf(FieldSuffix, StringComparison.Ordinal);
                if (end > 0)
                {
                    current = Fields.Identify(text.Slice(FieldPrefix.Length, end).Trim());
                    var valueStart = FieldPrefix.Length + end + FieldSuffix.Length;
                    fields.Set(current, line[valueStart..], number);
                    continue;
                }
            }
            else if (current != Field.None && text.Length > 0 && char.IsWhiteSpace(text[0]) && !text.IsWhiteSpace())
            {
                fields.Continue(current, text.Trim());
                continue;
            }

            // A blank or unrecognised line ends the field being continued.
            current = Field.None;
        }

        return Build(block, fields);
    }

    private static EntryResult Build(EntryBlock block, Fields fields)
    {
        var (idText, idLine) = fields.Get(Field.ArxivId);
        if (idText is null)
        {
            return EntryResult.Reject(block.HeadingLine, "entry has no '- **Arxiv ID**:' field; every detailed entry needs http(s)://arxiv.org/abs/{id}v{n}");
        }

        if (!ArxivIds.TryParseAbsUrl(idText, out var arxivId, out var version))
        {
            return EntryResult.Reject(idLine, $"malformed Arxiv ID '{idText}'; expected http(s)://arxiv.org/abs/{{id}}v{{n}} with a new-style (2009.14721) or old-style (cs/9810003) id and a version n of 1 or more");
        }

        if (!TryTimestamp(block, fields, Field.Published, out var published, out var rejection)
            || !TryTimestamp(block, fields, Field.Updated, out var updated, out rejection))
        {
            return rejection;
        }

        var (categories, primary) = ParseCategories(fields.Get(Field.Categories).Value);
        var repairs = 0;
        var entry = new DigestEntry
        {
            Line = block.HeadingLine,
            Format = DigestFormat.Detailed,
            ArxivId = arxivId,
            Version = version,
            Title = TextNormalizer.Normalize(block.Heading.Span, ref repairs),
            Abstract = TextNormalizer.Normalize(fields.Get(Field.Summary).Value, ref repairs),
            Authors = ParseAuthors(fields.Get(Field.Authors).Value, ref repairs),
            Categories = categories,
            PrimaryCategory = primary,
            Doi = TextNormalizer.Normalize(fields.Get(Field.Doi).Value, ref repairs),
            JournalRef = TextNormalizer.Normalize(fields.Get(Field.Journal).Value, ref repairs),
            Comment = TextNormalizer.Normalize(fields.Get(Field.Comment).Value, ref repairs),
            PublishedAt = published,
            UpdatedAt = updated,
        };
        return EntryResult.Accept(entry, repairs);
    }

    private static bool TryTimestamp(EntryBlock block, Fields fields, Field field, out DateTime utc, out EntryResult rejection)
    {
        rejection = default;
        var (text, line) = fields.Get(field);
        if (Timestamps.TryParse(text, out utc))
        {
            return true;
        }

        rejection = text is null
            ? EntryResult.Reject(block.HeadingLine, $"entry has no '- **{field}**:' timestamp; expected e.g. 2020-09-30 00:13:49+00:00")
            : EntryResult.Reject(line, $"malformed {field} timestamp '{text}'; expected e.g. 2020-09-30 00:13:49+00:00");
        return false;
    }

    /// <summary>Splits on ',' and ';', keeps arXiv categories only (drops ACM/MSC codes); the bold one is primary, else the first.</summary>
    internal static (IReadOnlyList<string> Categories, string? Primary) ParseCategories(string? value)
    {
        if (value is null)
        {
            return ([], null);
        }

        var categories = new List<string>(4);
        string? bold = null;
        foreach (var raw in value.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw;
            var isBold = token.Length > 4 && token.StartsWith("**", StringComparison.Ordinal) && token.EndsWith("**", StringComparison.Ordinal);
            if (isBold)
            {
                token = token[2..^2].Trim();
            }

            if (!ArxivIds.IsCategory(token) || categories.Contains(token))
            {
                continue;
            }

            categories.Add(token);
            if (isBold)
            {
                bold ??= token;
            }
        }

        return (categories, bold ?? (categories.Count > 0 ? categories[0] : null));
    }

    /// <summary>Splits on ',', trims, drops tokens that are not names (<see cref="AuthorName"/>).</summary>
    internal static IReadOnlyList<string> ParseAuthors(string? value, ref int repairs)
    {
        if (value is null)
        {
            return [];
        }

        var authors = new List<string>();
        foreach (var raw in value.Split(','))
        {
            var name = AuthorName.Normalize(raw, ref repairs);
            if (name is not null)
            {
                authors.Add(name);
            }
        }

        return authors;
    }

    /// <summary>The fields the contract names; any other key is read and ignored.</summary>
    private enum Field
    {
        None,
        ArxivId,
        Doi,
        Categories,
        Published,
        Updated,
        Authors,
        Comment,
        Journal,
        Summary,
        Other,
    }

    /// <summary>The fields of one entry; the first occurrence of a key wins, <c>None</c> reads as null.</summary>
    private sealed class Fields
    {
        private readonly (ReadOnlyMemory<char> Value, StringBuilder? Continued, int Line, bool IsSet)[] _values = new (ReadOnlyMemory<char>, StringBuilder?, int, bool)[(int)Field.Other + 1];

        public static Field Identify(ReadOnlySpan<char> key) => key switch
        {
            _ when key.Equals("Arxiv ID", StringComparison.OrdinalIgnoreCase) => Field.ArxivId,
            _ when key.Equals("DOI", StringComparison.OrdinalIgnoreCase) => Field.Doi,
            _ when key.Equals("Categories", StringComparison.OrdinalIgnoreCase) => Field.Categories,
            _ when key.Equals("Published", StringComparison.OrdinalIgnoreCase) => Field.Published,
            _ when key.Equals("Updated", StringComparison.OrdinalIgnoreCase) => Field.Updated,
            _ when key.Equals("Authors", StringComparison.OrdinalIgnoreCase) => Field.Authors,
            _ when key.Equals("Comment", StringComparison.OrdinalIgnoreCase) => Field.Comment,
            _ when key.Equals("Journal", StringComparison.OrdinalIgnoreCase) => Field.Journal,
            _ when key.Equals("Summary", StringComparison.OrdinalIgnoreCase) => Field.Summary,
            _ => Field.Other,
        };

        public void Set(Field field, ReadOnlyMemory<char> value, int line)
        {
            ref var slot = ref _values[(int)field];
            if (!slot.IsSet)
            {
                slot = (Trim(value), null, line, true);
            }
        }

        public void Continue(Field field, ReadOnlySpan<char> continuation)
        {
            ref var slot = ref _values[(int)field];
            if (slot.IsSet && slot.Continued is null)
            {
                slot.Continued = new StringBuilder().Append(slot.Value.Span);
            }

            if (slot.Continued is { } text)
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(continuation);
            }
        }

        public (string? Value, int Line) Get(Field field)
        {
            var (value, continued, line, isSet) = _values[(int)field];
            if (!isSet)
            {
                return (null, 0);
            }

            if (continued is null && value.Span.SequenceEqual("None"))
            {
                return (null, 0);
            }

            var text = continued?.ToString() ?? value.ToString();
            return text == "None" ? (null, 0) : (text, line);
        }

        private static ReadOnlyMemory<char> Trim(ReadOnlyMemory<char> value)
        {
            var span = value.Span;
            var start = 0;
            while (start < span.Length && char.IsWhiteSpace(span[start]))
            {
                start++;
            }

            var end = span.Length;
            while (end > start && char.IsWhiteSpace(span[end - 1]))
            {
                end--;
            }

            return value[start..end];
        }
    }
}
