using System.Text.Json.Nodes;

namespace Etl.Tests;

/// <summary>Compares a dump of the contract views with an expected JSON-lines file, paper by paper and field by field.</summary>
internal static class ExpectedDump
{
    /// <summary>Returns a readable list of differences (empty when equal); at most <paramref name="limit"/> are described.</summary>
    public static List<string> Differences(IReadOnlyList<string> actualLines, IReadOnlyList<string> expectedLines, int limit = 20)
    {
        var actual = Index(actualLines);
        var expected = Index(expectedLines);
        var differences = new List<string>();
        foreach (var (id, want) in expected)
        {
            if (!actual.TryGetValue(id, out var got))
            {
                differences.Add($"{id}: missing");
                continue;
            }

            foreach (var (field, value) in want.AsObject())
            {
                if (!JsonNode.DeepEquals(value, got[field]))
                {
                    differences.Add($"{id}.{field}: expected {Short(value)} but was {Short(got[field])}");
                }
            }
        }

        differences.AddRange(actual.Keys.Except(expected.Keys).Select(id => $"{id}: unexpected paper"));
        if (differences.Count > limit)
        {
            var total = differences.Count;
            differences.RemoveRange(limit, total - limit);
            differences.Add($"... {total - limit} more");
        }

        return differences;
    }

    private static Dictionary<string, JsonNode> Index(IEnumerable<string> lines) =>
        lines.Where(line => line.Length > 0)
            .Select(line => JsonNode.Parse(line)!)
            .ToDictionary(node => (string)node["arxiv_id"]!, StringComparer.Ordinal);

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 160 ? text[..160] + "…" : text;
    }
}
