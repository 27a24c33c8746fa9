using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Etl.Core.Reporting;

/// <summary>
/// The canonical dump of the contract views: one JSON object per paper, keys sorted, timestamps as
/// <c>YYYY-MM-DDTHH:MM:SSZ</c>, versions nested in version order. Two warehouses are the same exactly
/// when their dumps are byte-for-byte equal, which is what the tests and the benchmark compare.
/// </summary>
public static class ReportJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(ReportPaper paper)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("abstract", paper.Abstract);
            json.WriteString("arxiv_id", paper.ArxivId);
            WriteList(json, "authors", paper.Authors);
            WriteList(json, "categories", paper.Categories);
            json.WriteString("comment", paper.Comment);
            json.WriteString("doi", paper.Doi);
            json.WriteString("journal_ref", paper.JournalRef);
            json.WriteNumber("latest_version", paper.LatestVersion);
            json.WriteString("primary_category", paper.PrimaryCategory);
            json.WriteString("published_at", Timestamp(paper.PublishedAt));
            json.WriteString("title", paper.Title);
            json.WriteString("updated_at", Timestamp(paper.UpdatedAt));
            json.WriteStartArray("versions");
            foreach (var version in paper.Versions)
            {
                json.WriteStartObject();
                json.WriteString("abstract", version.Abstract);
                json.WriteString("source", version.Source);
                json.WriteString("submitted_at", Timestamp(version.SubmittedAt));
                json.WriteString("title", version.Title);
                json.WriteNumber("version", version.Version);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string? Timestamp(DateTime? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
