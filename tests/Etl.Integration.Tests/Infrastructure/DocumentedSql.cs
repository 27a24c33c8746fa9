using System.Text.RegularExpressions;
using Etl.Tests;

namespace Etl.Integration.Tests.Infrastructure;

/// <summary>The ```sql blocks of a section of docs/reporting.md, which the documentation tests run.</summary>
internal static partial class DocumentedSql
{
    /// <param name="heading">The section's heading line, e.g. <c>## Examples</c>; the section ends at the next heading of that level.</param>
    public static List<string> Blocks(string heading)
    {
        var doc = File.ReadAllText(Path.Combine(SharedSamples.RepositoryRoot, "docs", "reporting.md"));
        var start = doc.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"docs/reporting.md has no section '{heading}'");
        }

        var level = heading[..(heading.IndexOf(' ', StringComparison.Ordinal) + 1)];
        var end = doc.IndexOf("\n" + level, start + heading.Length + 1, StringComparison.Ordinal);
        return [.. SqlBlock().Matches(doc[start..(end < 0 ? doc.Length : end)]).Select(match => match.Groups[1].Value)];
    }

    [GeneratedRegex(@"```sql\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
