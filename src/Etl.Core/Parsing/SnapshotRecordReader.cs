using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Etl.Core.Model;

namespace Etl.Core.Parsing;

/// <summary>
/// One line of arXiv's metadata snapshot: a JSON object with <c>id</c>, <c>title</c>, <c>versions</c>
/// (<c>[{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}, …]</c>), <c>update_date</c>
/// (<c>YYYY-MM-DD</c>), <c>authors_parsed</c> (<c>[[keyname, forenames, suffix, affiliation…], …]</c>),
/// <c>categories</c> (space-separated), <c>abstract</c>, <c>doi</c>, <c>journal-ref</c>, <c>comments</c>,
/// and the fields kept only for the export (<c>submitter</c>, <c>report-no</c>, <c>license</c>). The
/// <c>authors</c> string is ignored: <c>authors_parsed</c> says the same with the names already split.
/// </summary>
internal sealed class SnapshotRecordReader : JsonLineReader
{
    private const string Shape = "every line of a snapshot is one paper as {\"id\": …, \"title\": …, \"versions\": [{\"version\": \"v1\", \"created\": …}], \"update_date\": \"YYYY-MM-DD\", …}";

    private readonly List<VersionTime> _versions = [];

    private enum Key
    {
        Other,
        Id,
        Submitter,
        Title,
        Comments,
        JournalRef,
        Doi,
        ReportNo,
        Categories,
        License,
        Abstract,
        Versions,
        UpdateDate,
        AuthorsParsed,
    }

    /// <summary>True when <paramref name="line"/> is a JSON object with an <c>id</c> and a <c>versions</c> array: what makes a file a snapshot.</summary>
    public static bool IsSnapshotRecord(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        bool id = false, versions = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                var isVersions = reader.ValueTextEquals("versions"u8);
                reader.Read();
                id |= isId;
                versions |= isVersions && reader.TokenType == JsonTokenType.StartArray;
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // A line cut short (a huge first record read in part) still names its keys before the cut.
        }

        return id && versions;
    }

    /// <summary>The <c>update_date</c> of a record line, if it has a valid one (a snapshot's own date is its first record's).</summary>
    public static DateOnly? UpdateDateOf(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isDate = reader.ValueTextEquals("update_date"u8);
                reader.Read();
                if (isDate && reader.TokenType == JsonTokenType.String && SnapshotDates.TryParseDate(reader.GetString(), out var date))
                {
                    return date;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    /// <param name="line">The line's bytes (valid UTF-8, without its line ending).</param>
    /// <param name="number">Its 1-based line number in the file.</param>
    public EntryResult Read(ReadOnlySpan<byte> line, int number)
    {
        Repairs = 0;
        _versions.Clear();
        var reader = new Utf8JsonReader(line);
        Span<bool> seen = stackalloc bool[(int)Key.AuthorsParsed + 1];
        string? problem = null;
        string? id = null, title = null, summary = null, comment = null, doi = null, journal = null, submitter = null, reportNo = null, license = null, authorsParsed = null;
        DateOnly updateDate = default;
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

                return EntryResult.Reject(number, $"the line is not a JSON object; {Shape}");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = Identify(ref reader);
                reader.Read();
                if (key == Key.Other || seen[(int)key] || problem is not null)
                {
                    reader.Skip();
                    continue;
                }

                seen[(int)key] = true;
                problem = key switch
                {
                    Key.Id => ReadId(ref reader, out id),
                    Key.Submitter => ReadText(ref reader, "submitter", out submitter),
                    Key.Title => ReadText(ref reader, "title", out title),
                    Key.Comments => ReadText(ref reader, "comments", out comment),
                    Key.JournalRef => ReadText(ref reader, "journal-ref", out journal),
                    Key.Doi => ReadText(ref reader, "doi", out doi),
                    Key.ReportNo => ReadText(ref reader, "report-no", out reportNo),
                    Key.Categories => ReadCategories(ref reader, categories),
                    Key.License => ReadText(ref reader, "license", out license),
                    Key.Abstract => ReadText(ref reader, "abstract", out summary),
                    Key.Versions => ReadVersions(ref reader),
                    Key.UpdateDate => ReadUpdateDate(ref reader, out updateDate),
                    _ => ReadAuthorsParsed(ref reader, line, authors, out authorsParsed),
                };
            }

            // Anything after the object's closing brace other than whitespace throws here.
            reader.Read();
        }
        catch (JsonException exception)
        {
            return EntryResult.Reject(number, $"the line is not valid JSON: {Describe(exception)}");
        }

        if (problem is not null)
        {
            return EntryResult.Reject(number, problem);
        }

        if (!seen[(int)Key.Id])
        {
            return EntryResult.Reject(number, "record has no \"id\"; every snapshot record needs an arXiv id without version such as \"0704.0001\"");
        }

        if (!seen[(int)Key.UpdateDate])
        {
            return EntryResult.Reject(number, $"record {id} has no \"update_date\"; it must be a date YYYY-MM-DD");
        }

        if (_versions.Count == 0)
        {
            return EntryResult.Reject(number, $"record {id} lists no versions: \"versions\" must be a non-empty array of {{\"version\": \"vN\", \"created\": …}}");
        }

        if (title is null)
        {
            return EntryResult.Reject(number, $"record {id} has no title: \"title\" must be a non-empty string");
        }

        var highest = 0;
        DateTime? first = null, last = null;
        foreach (var version in _versions)
        {
            if (version.Version == 1)
            {
                first = version.Created;
            }

            if (version.Version > highest)
            {
                highest = version.Version;
                last = version.Created;
            }
        }

        return EntryResult.Accept(new DigestEntry
        {
            Line = number,
            Format = DigestFormat.Snapshot,
            ArxivId = id!,
            Version = highest,
            Title = title,
            Abstract = summary,
            Authors = authors,
            Categories = categories,
            PrimaryCategory = categories.Count > 0 ? categories[0] : null,
            Doi = doi,
            JournalRef = journal,
            Comment = comment,
            PublishedAt = first,
            UpdatedAt = last,
            Record = new SnapshotRecord(Sha256Of(line), updateDate, [.. _versions], submitter, reportNo, license, authorsParsed),
        }, Repairs);
    }

    /// <summary>The record's identity: sha256 of its line's bytes as in the file (the caller strips the line ending and a byte order mark).</summary>
    public static byte[] Sha256Of(ReadOnlySpan<byte> line) => SHA256.HashData(line);

    private static Key Identify(ref Utf8JsonReader reader) => reader switch
    {
        _ when reader.ValueTextEquals("id"u8) => Key.Id,
        _ when reader.ValueTextEquals("submitter"u8) => Key.Submitter,
        _ when reader.ValueTextEquals("title"u8) => Key.Title,
        _ when reader.ValueTextEquals("comments"u8) => Key.Comments,
        _ when reader.ValueTextEquals("journal-ref"u8) => Key.JournalRef,
        _ when reader.ValueTextEquals("doi"u8) => Key.Doi,
        _ when reader.ValueTextEquals("report-no"u8) => Key.ReportNo,
        _ when reader.ValueTextEquals("categories"u8) => Key.Categories,
        _ when reader.ValueTextEquals("license"u8) => Key.License,
        _ when reader.ValueTextEquals("abstract"u8) => Key.Abstract,
        _ when reader.ValueTextEquals("versions"u8) => Key.Versions,
        _ when reader.ValueTextEquals("update_date"u8) => Key.UpdateDate,
        _ when reader.ValueTextEquals("authors_parsed"u8) => Key.AuthorsParsed,
        _ => Key.Other,
    };

    /// <summary><c>"cs.CV cs.LG"</c>: split on whitespace, arXiv codes kept in order, once each.</summary>
    private string? ReadCategories(ref Utf8JsonReader reader, List<string> categories)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            var found = Describe(reader.TokenType);
            reader.Skip();
            return $"\"categories\" must be a string of space-separated codes such as \"math.CO cs.CG\", not {found}";
        }

        var codes = Unescape(ref reader);
        foreach (var range in codes.SplitAny(" \t"))
        {
            AddCategory(categories, codes[range]);
        }

        return null;
    }

    private static string? ReadUpdateDate(ref Utf8JsonReader reader, out DateOnly date)
    {
        date = default;
        if (reader.TokenType != JsonTokenType.String || !SnapshotDates.TryParseDate(reader.GetString(), out date))
        {
            var found = reader.TokenType == JsonTokenType.String ? $"'{reader.GetString()}'" : Describe(reader.TokenType);
            reader.Skip();
            return $"\"update_date\" must be a calendar date YYYY-MM-DD, not {found}";
        }

        return null;
    }

    /// <summary><c>[{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}, …]</c>, <c>created</c> may be null; a version listed twice counts once.</summary>
    private string? ReadVersions(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            var found = Describe(reader.TokenType);
            reader.Skip();
            return $"\"versions\" must be an array of {{\"version\": \"vN\", \"created\": …}}, not {found}";
        }

        string? problem = null;
        var item = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            item++;
            if (problem is not null)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                problem = $"version {item} must be an object {{\"version\": \"vN\", \"created\": …}}, not {Describe(reader.TokenType)}";
                reader.Skip();
                continue;
            }

            problem = ReadVersion(ref reader, item);
        }

        return problem;
    }

    private string? ReadVersion(ref Utf8JsonReader reader, int item)
    {
        int? version = null;
        DateTime? created = null;
        var hasCreated = false;
        string? problem = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isVersion = reader.ValueTextEquals("version"u8);
            var isCreated = reader.ValueTextEquals("created"u8);
            reader.Read();
            if (problem is null && isVersion && version is null)
            {
                version = reader.TokenType == JsonTokenType.String && SnapshotDates.TryParseVersion(reader.GetString(), out var n) ? n : null;
                problem = version is null ? $"version {item}: \"version\" must be \"vN\" with N ≥ 1, not {Found(ref reader)}" : null;
            }
            else if (problem is null && isCreated && !hasCreated)
            {
                hasCreated = true;
                if (reader.TokenType != JsonTokenType.Null)
                {
                    created = reader.TokenType == JsonTokenType.String && SnapshotDates.TryParseCreated(reader.GetString(), out var at) ? at : null;
                    problem = created is null ? $"version {item}: \"created\" must be null or a time such as \"Mon, 2 Apr 2007 19:18:42 GMT\", not {Found(ref reader)}" : null;
                }
            }

            reader.Skip();
        }

        problem ??= version is null ? $"version {item} has no \"version\" (\"vN\" with N ≥ 1)"
            : !hasCreated ? $"version {item} (v{version}) has no \"created\" (null or a time such as \"Mon, 2 Apr 2007 19:18:42 GMT\")"
            : null;
        if (problem is null && !_versions.Exists(known => known.Version == version))
        {
            _versions.Add(new VersionTime(version!.Value, created));
        }

        return problem;
    }

    private static string Found(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? $"'{reader.GetString()}'" : Describe(reader.TokenType);

    /// <summary>
    /// <c>[[keyname, forenames, suffix, affiliation…], …]</c>: each item displayed as <c>forenames keyname suffix</c>
    /// (empty parts left out) and normalized like every author name; the array is kept as written for the export.
    /// </summary>
    private string? ReadAuthorsParsed(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, List<string> authors, out string? raw)
    {
        raw = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            var found = Describe(reader.TokenType);
            reader.Skip();
            return $"\"authors_parsed\" must be an array of [keyname, forenames, suffix, …] arrays, not {found}";
        }

        var start = (int)reader.TokenStartIndex;
        var display = new StringBuilder();
        string? problem = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (problem is not null || reader.TokenType != JsonTokenType.StartArray)
            {
                problem ??= $"\"authors_parsed\" must be an array of [keyname, forenames, suffix, …] arrays, but holds {Describe(reader.TokenType)}";
                reader.Skip();
                continue;
            }

            string keyname = string.Empty, forenames = string.Empty, suffix = string.Empty;
            var part = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                part++;
                if (part <= 3)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        problem ??= $"\"authors_parsed\": keyname, forenames and suffix must be strings, not {Describe(reader.TokenType)}";
                    }
                    else
                    {
                        var text = Unescape(ref reader).ToString();
                        switch (part)
                        {
                            case 1: keyname = text; break;
                            case 2: forenames = text; break;
                            default: suffix = text; break;
                        }
                    }
                }

                reader.Skip();
            }

            display.Clear();
            foreach (var piece in (ReadOnlySpan<string>)[forenames, keyname, suffix])
            {
                if (!string.IsNullOrWhiteSpace(piece))
                {
                    display.Append(display.Length > 0 ? " " : string.Empty).Append(piece);
                }
            }

            AddAuthor(authors, display.ToString());
        }

        raw = Encoding.UTF8.GetString(line[start..(int)reader.BytesConsumed]);
        return problem;
    }
}
