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
        string? current = null;
        foreach (var (number, text) in block.Body)
        {
            if (text.StartsWith(FieldPrefix, StringComparison.Ordinal))
            {
                var end = text.IndexOf(FieldSuffix, FieldPrefix.Length, StringComparison.Ordinal);
                if (end > FieldPrefix.Length)
                {
                    current = text[FieldPrefix.Length..end].Trim();
                    fields.Set(current, text[(end + FieldSuffix.Length)..].Trim(), number);
                    continue;
                }
            }
            else if (current is not null && text.Length > 0 && char.IsWhiteSpace(text[0]) && !string.IsNullOrWhiteSpace(text))
            {
                fields.Continue(current, text.Trim());
                continue;
            }

            // A blank or unrecognised line ends the field being continued.
            current = null;
        }

        return Build(block, fields);
    }

    private static EntryResult Build(EntryBlock block, Fields fields)
    {
        var (idText, idLine) = fields.Get("Arxiv ID");
        if (idText is null)
        {
            return EntryResult.Reject(block.HeadingLine, "entry has no '- **Arxiv ID**:' field; every detailed entry needs http(s)://arxiv.org/abs/{id}v{n}");
        }

        if (!ArxivIds.TryParseAbsUrl(idText, out var arxivId, out var version))
        {
            return EntryResult.Reject(idLine, $"malformed Arxiv ID '{idText}'; expected http(s)://arxiv.org/abs/{{id}}v{{n}} with a new-style (2009.14721) or old-style (cs/9810003) id");
        }

        if (!TryTimestamp(block, fields, "Published", out var published, out var rejection)
            || !TryTimestamp(block, fields, "Updated", out var updated, out rejection))
        {
            return rejection;
        }

        var (categories, primary) = ParseCategories(fields.Get("Categories").Value);
        return EntryResult.Accept(new DigestEntry
        {
            Line = block.HeadingLine,
            Format = DigestFormat.Detailed,
            ArxivId = arxivId,
            Version = version,
            Title = TextNormalizer.Normalize(block.Heading),
            Abstract = TextNormalizer.Normalize(fields.Get("Summary").Value),
            Authors = ParseAuthors(fields.Get("Authors").Value),
            Categories = categories,
            PrimaryCategory = primary,
            Doi = TextNormalizer.Normalize(fields.Get("DOI").Value),
            JournalRef = TextNormalizer.Normalize(fields.Get("Journal").Value),
            Comment = TextNormalizer.Normalize(fields.Get("Comment").Value),
            PublishedAt = published,
            UpdatedAt = updated,
        });
    }

    private static bool TryTimestamp(EntryBlock block, Fields fields, string key, out DateTime utc, out EntryResult rejection)
    {
        rejection = default;
        var (text, line) = fields.Get(key);
        if (Timestamps.TryParse(text, out utc))
        {
            return true;
        }

        rejection = text is null
            ? EntryResult.Reject(block.HeadingLine, $"entry has no '- **{key}**:' timestamp; expected e.g. 2020-09-30 00:13:49+00:00")
            : EntryResult.Reject(line, $"malformed {key} timestamp '{text}'; expected e.g. 2020-09-30 00:13:49+00:00");
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

    /// <summary>Splits on ',', trims, drops empty names; each name is normalized on its own.</summary>
    internal static IReadOnlyList<string> ParseAuthors(string? value)
    {
        if (value is null)
        {
            return [];
        }

        var authors = new List<string>();
        foreach (var raw in value.Split(','))
        {
            var name = TextNormalizer.Normalize(raw);
            if (name is not null)
            {
                authors.Add(name);
            }
        }

        return authors;
    }

    /// <summary>The fields of one entry; the first occurrence of a key wins, <c>None</c> reads as null.</summary>
    private sealed class Fields
    {
        private readonly Dictionary<string, (string Value, int Line)> _values = new(StringComparer.OrdinalIgnoreCase);

        public void Set(string key, string value, int line) => _values.TryAdd(key, (value, line));

        public void Continue(string key, string continuation)
        {
            if (_values.TryGetValue(key, out var field))
            {
                _values[key] = (field.Value.Length == 0 ? continuation : field.Value + " " + continuation, field.Line);
            }
        }

        public (string? Value, int Line) Get(string key) =>
            _values.TryGetValue(key, out var field) && field.Value != "None" ? (field.Value, field.Line) : (null, 0);
    }
}
