using Etl.Core.Model;

namespace Etl.Core.Reconciliation;

/// <summary>
/// The reconciliation rules of the data contract, in one place. A paper's state is a pure function of
/// all the evidence about it, never a patch of its previous state: that is what makes every load order,
/// batching and re-run give the same warehouse.
/// </summary>
public static class PaperReconciler
{
    /// <param name="arxivId">The paper.</param>
    /// <param name="evidence">Every stored entry about the paper (each file content once), in any order; at least one.</param>
    public static PaperState Reconcile(string arxivId, IReadOnlyList<EvidenceFacts> evidence)
    {
        if (evidence.Count == 0)
        {
            throw new ArgumentException($"paper {arxivId} has no evidence to reconcile", nameof(evidence));
        }

        // The highest-ranked detailed entry overall gives version 1's timestamp; the highest-ranked
        // detailed entry of each version gives that version's text and (for N > 1) its timestamp.
        EvidenceFacts? bestDetailed = null;
        var detailedByVersion = new SortedDictionary<int, EvidenceFacts>();
        foreach (var entry in evidence)
        {
            if (entry.Format != DigestFormat.Detailed)
            {
                continue;
            }

            var version = entry.Version!.Value;
            if (entry.Outranks(bestDetailed))
            {
                bestDetailed = entry;
            }

            if (entry.Outranks(detailedByVersion.GetValueOrDefault(version)))
            {
                detailedByVersion[version] = entry;
            }
        }

        var timestamps = new SortedDictionary<int, DateTime>();
        if (bestDetailed is not null)
        {
            timestamps[1] = bestDetailed.PublishedAt!.Value;
        }

        foreach (var (version, entry) in detailedByVersion)
        {
            if (version > 1)
            {
                timestamps[version] = entry.UpdatedAt!.Value;
            }
        }

        // Known versions: 1 (every paper has it) and every version a detailed entry names.
        var known = new SortedSet<int>(detailedByVersion.Keys) { 1 };

        var assignments = new List<CompactAssignment>();
        var compactByVersion = new Dictionary<int, EvidenceFacts>();
        var compactCategories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in evidence)
        {
            if (entry.Format != DigestFormat.Compact)
            {
                continue;
            }

            var version = VersionAnnouncedBefore(entry.DigestDate, timestamps);
            assignments.Add(new CompactAssignment(entry, version));
            compactCategories.UnionWith(entry.Categories);
            if (entry.Outranks(compactByVersion.GetValueOrDefault(version)))
            {
                compactByVersion[version] = entry;
            }
        }

        var versions = new List<VersionState>(known.Count);
        foreach (var version in known)
        {
            var text = detailedByVersion.GetValueOrDefault(version) ?? compactByVersion.GetValueOrDefault(version);
            versions.Add(new VersionState(version, timestamps.TryGetValue(version, out var at) ? at : null, text));
        }

        var latest = known.Max;

        // Detailed text always wins for the paper's fields; it lives at the highest detailed version,
        // which is also the latest known version. Only compact-only papers fall back to compact text.
        var fieldsFrom = detailedByVersion.Count > 0
            ? detailedByVersion[detailedByVersion.Keys.Max()]
            : versions.Last(v => v.TextFrom is not null).TextFrom!;

        return new PaperState(
            arxivId,
            latest,
            timestamps.TryGetValue(1, out var published) ? published : null,
            timestamps.TryGetValue(latest, out var updated) ? updated : null,
            fieldsFrom,
            detailedByVersion.Count > 0 ? null : [.. compactCategories],
            versions,
            assignments);
    }

    /// <summary>
    /// A compact listing dated D announces the highest known version submitted before D 00:00 UTC.
    /// With no such version (no timestamps known, or all later), it speaks for version 1.
    /// </summary>
    private static int VersionAnnouncedBefore(DateOnly digestDate, SortedDictionary<int, DateTime> timestamps)
    {
        var midnight = digestDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var version = 1;
        foreach (var (candidate, at) in timestamps)
        {
            if (at < midnight && candidate > version)
            {
                version = candidate;
            }
        }

        return version;
    }
}
