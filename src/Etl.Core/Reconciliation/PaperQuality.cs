namespace Etl.Core.Reconciliation;

/// <summary>
/// What report.data_quality counts for one paper (a row of <c>report_store.paper_quality</c>): the formats
/// its entries came in, how many of its entries repeat one in the same file, and the versions on which
/// entries disagree about the text. sql/load/refresh_paper_quality.sql is the definition in SQL (the
/// migration that made the store fills it with that script); a load computes the same rows here, from the
/// facts reconciliation has just read, and DataQualityStoreTests checks that the two agree.
/// </summary>
/// <remarks>
/// Formats are compared and sorted by ordinal. The script sorts them in the database's collation, which
/// orders their names (lowercase ASCII letters) the same way in every collation.
/// </remarks>
/// <param name="Formats">Every format of the paper's entries, once each, sorted.</param>
/// <param name="DuplicateEntries">Entries beyond the first of the paper in each file.</param>
/// <param name="ConflictingFormats">One element per version and format whose entries hold more than one text, sorted.</param>
/// <param name="DifferingFormats">One <c>"a vs b"</c> per version on which formats a and b both have a text but share none, sorted by a, then b.</param>
public sealed record PaperQuality(string[] Formats, int DuplicateEntries, string[] ConflictingFormats, string[] DifferingFormats)
{
    /// <remarks>
    /// Runs once per paper of every load (a million times in a snapshot import), so it sorts one copy of
    /// the entries and walks it instead of grouping: a paper has a handful of entries and fewer formats.
    /// </remarks>
    public static PaperQuality Of(IReadOnlyList<QualityEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 1)
        {
            // Most papers of a snapshot, and every new paper of a daily file: nothing to compare.
            return new PaperQuality([entries[0].Format], 0, [], []);
        }

        var sorted = entries.ToArray();
        Array.Sort(sorted, ByDigest);
        var duplicates = 0;
        for (var i = 1; i < sorted.Length; i++)
        {
            duplicates += sorted[i].DigestId == sorted[i - 1].DigestId ? 1 : 0;
        }

        var formats = sorted.Select(entry => entry.Format).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

        // Entries without a version speak for none, so they cannot conflict or differ; the others are
        // taken one version at a time, each version's entries by format, then text.
        Array.Sort(sorted, ByVersionFormatText);
        var conflicting = new List<string>();
        var differing = new List<(string A, string B)>();
        foreach (var version in Runs(sorted, static (x, y) => x.Version == y.Version))
        {
            if (version[0].Version is not null)
            {
                CompareVersion(version, conflicting, differing);
            }
        }

        conflicting.Sort(StringComparer.Ordinal);
        differing.Sort(static (x, y) => string.CompareOrdinal(x.A, y.A) is var a and not 0 ? a : string.CompareOrdinal(x.B, y.B));
        return new PaperQuality(formats, duplicates, [.. conflicting], [.. differing.Select(pair => $"{pair.A} vs {pair.B}")]);
    }

    /// <param name="version">One version's entries, sorted by format, then text hash.</param>
    private static void CompareVersion(ArraySegment<QualityEntry> version, List<string> conflicting, List<(string A, string B)> differing)
    {
        // Each format's run of entries within the version.
        var runs = Runs(version, static (x, y) => string.Equals(x.Format, y.Format, StringComparison.Ordinal));
        foreach (var run in runs)
        {
            if (run[0].TextHash != run[^1].TextHash)
            {
                conflicting.Add(run[0].Format);
            }
        }

        for (var a = 0; a < runs.Count; a++)
        {
            for (var b = a + 1; b < runs.Count; b++)
            {
                if (!ShareAText(runs[a], runs[b]))
                {
                    differing.Add((runs[a][0].Format, runs[b][0].Format));
                }
            }
        }
    }

    /// <summary>The runs of consecutive entries that <paramref name="sameRun"/> puts together, in order.</summary>
    private static List<ArraySegment<QualityEntry>> Runs(ArraySegment<QualityEntry> entries, Func<QualityEntry, QualityEntry, bool> sameRun)
    {
        var runs = new List<ArraySegment<QualityEntry>>();
        for (var start = 0; start < entries.Count;)
        {
            var end = start + 1;
            while (end < entries.Count && sameRun(entries[start], entries[end]))
            {
                end++;
            }

            runs.Add(entries.Slice(start, end - start));
            start = end;
        }

        return runs;
    }

    /// <summary>Whether two runs sorted by text hash have a hash in common.</summary>
    private static bool ShareAText(ArraySegment<QualityEntry> a, ArraySegment<QualityEntry> b)
    {
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            var order = a[i].TextHash.CompareTo(b[j].TextHash);
            if (order == 0)
            {
                return true;
            }

            i += order < 0 ? 1 : 0;
            j += order > 0 ? 1 : 0;
        }

        return false;
    }

    private static int ByDigest(QualityEntry x, QualityEntry y) => x.DigestId.CompareTo(y.DigestId);

    /// <summary>Versionless entries first, then by version, format (ordinal) and text hash.</summary>
    private static int ByVersionFormatText(QualityEntry x, QualityEntry y) =>
        Nullable.Compare(x.Version, y.Version) is var version and not 0 ? version
        : string.CompareOrdinal(x.Format, y.Format) is var format and not 0 ? format
        : x.TextHash.CompareTo(y.TextHash);
}
