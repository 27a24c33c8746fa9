using System.Globalization;
using System.Text.Json;
using Etl.Core.Parsing;
using Xunit;

namespace Etl.Core.Tests.Generation;

/// <summary>Reads generated metadata snapshots line by line and checks a line against the real file's record layout.</summary>
internal static class SnapshotLines
{
    /// <summary>The fields of a record of Cornell's <c>arxiv-metadata-oai-snapshot.json</c>, in its order.</summary>
    public static readonly string[] Fields =
        ["id", "submitter", "authors", "title", "comments", "journal-ref", "doi", "report-no", "categories", "license", "abstract", "versions", "update_date", "authors_parsed"];

    private const string Created = "ddd, d MMM yyyy HH:mm:ss 'GMT'";

    /// <summary>The lines of a file; a last line without a line feed counts, an empty tail does not.</summary>
    public static List<string> Split(string content)
    {
        var lines = content.Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>Parses the line as a record and asserts every field's place, type and layout; returns the record.</summary>
    public static JsonElement Record(string line)
    {
        Assert.True(line.All(char.IsAscii), $"not ASCII: {line[..Math.Min(80, line.Length)]}");
        using var document = JsonDocument.Parse(line);
        var record = document.RootElement.Clone();
        Assert.Equal(JsonValueKind.Object, record.ValueKind);
        Assert.Equal(Fields, record.EnumerateObject().Select(property => property.Name));

        Assert.True(ArxivIds.IsValidId(record.GetProperty("id").GetString()), line);
        foreach (var text in new[] { "submitter", "authors", "title" })
        {
            Assert.False(string.IsNullOrWhiteSpace(record.GetProperty(text).GetString()), $"{text} of {line}");
        }

        foreach (var optional in new[] { "comments", "journal-ref", "doi", "report-no", "license" })
        {
            Assert.Contains(record.GetProperty(optional).ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
        }

        Assert.All(record.GetProperty("categories").GetString()!.Split(' '), category => Assert.True(ArxivIds.IsCategory(category), category));
        var summary = record.GetProperty("abstract").GetString()!;
        Assert.True(summary.StartsWith("  ", StringComparison.Ordinal) && summary.EndsWith('\n') && summary.Trim().Length > 0, summary);

        var versions = record.GetProperty("versions").EnumerateArray().ToList();
        Assert.NotEmpty(versions);
        DateTime? previous = null;
        for (var v = 0; v < versions.Count; v++)
        {
            Assert.Equal(["version", "created"], versions[v].EnumerateObject().Select(property => property.Name));
            Assert.Equal($"v{v + 1}", versions[v].GetProperty("version").GetString());
            if (versions[v].GetProperty("created").GetString() is { } created)
            {
                var time = DateTime.ParseExact(created, Created, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                Assert.True(previous is null || time > previous, line);
                previous = time;
            }
        }

        var updated = DateOnly.ParseExact(record.GetProperty("update_date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(previous is null || updated >= DateOnly.FromDateTime(previous.Value), line);

        var parsed = record.GetProperty("authors_parsed").EnumerateArray().ToList();
        Assert.NotEmpty(parsed);
        Assert.All(parsed, author =>
        {
            var parts = author.EnumerateArray().Select(part => part.GetString()).ToList();
            Assert.InRange(parts.Count, 3, 4);
            Assert.False(string.IsNullOrWhiteSpace(parts[0]));
        });

        return record;
    }

    /// <summary>An author of <c>authors_parsed</c> as a name: forenames, key name (and suffix), as the contract joins them.</summary>
    public static string Name(JsonElement author)
    {
        var parts = author.EnumerateArray().Select(part => part.GetString()!).ToList();
        return string.Join(' ', new[] { parts[1], parts[0], parts[2] }.Where(part => part.Length > 0));
    }
}
