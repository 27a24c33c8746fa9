using System.Text.RegularExpressions;

namespace Etl.Migrations;

/// <summary>
/// The order in which the report scripts are applied: a script that names another script's object
/// (<c>report.papers</c> in its SQL, outside comments and string literals) comes after it, so a view is
/// created after the views it reads; otherwise by name (ordinal), so the order never depends on how the
/// files were listed. Pure.
/// </summary>
public static partial class ScriptOrder
{
    public static IReadOnlyList<RepeatableScript> Sort(IEnumerable<RepeatableScript> scripts)
    {
        var byName = scripts.ToDictionary(script => script.Name, StringComparer.Ordinal);
        var requires = byName.Values.ToDictionary(
            script => script.Name,
            script => References(script.Sql).Where(name => name != script.Name && byName.ContainsKey(name)).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);

        // Kahn's algorithm, always taking the first ready script by name.
        var ready = new SortedSet<string>(requires.Where(pair => pair.Value.Count == 0).Select(pair => pair.Key), StringComparer.Ordinal);
        var ordered = new List<RepeatableScript>();
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            ordered.Add(byName[next]);
            foreach (var (name, needs) in requires)
            {
                if (needs.Remove(next) && needs.Count == 0)
                {
                    ready.Add(name);
                }
            }
        }

        if (ordered.Count < byName.Count)
        {
            var cycle = requires.Where(pair => pair.Value.Count > 0).Select(pair => $"sql/report/{pair.Key}.sql").Order(StringComparer.Ordinal);
            throw new InvalidOperationException(
                $"the report scripts {string.Join(", ", cycle)} name each other's objects in a cycle, so none can be created first; remove the reference that closes the cycle");
        }

        return ordered;
    }

    /// <summary>The names <c>x</c> of every <c>report.x</c> the SQL mentions, comments and string literals aside.</summary>
    public static IEnumerable<string> References(string sql) =>
        ReportObject().Matches(CommentOrLiteral().Replace(sql, " ")).Select(match => match.Groups[1].Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal);

    // A line comment, a block comment, or a single-quoted literal ('' escapes a quote). Dollar-quoted
    // bodies are kept: a function's body is where it names the objects it reads.
    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'", RegexOptions.Singleline)]
    private static partial Regex CommentOrLiteral();

    [GeneratedRegex(@"\breport\s*\.\s*""?([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ReportObject();
}
