using Etl.Core.Model;

namespace Etl.Core.Reconciliation;

/// <summary>
/// The reconciliation rules of the data contract, in one place. A paper's state is a pure function of
/// all the evidence about it, never a patch of its previous state: that is what makes every load order,
/// batching and re-run give the same warehouse. No rule names a format: entries either name their version
/// (with timestamps) or are placed by their date, and texts are chosen by the formats' precedence
/// (<see cref="SourceFormats"/>), then by rank.
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

        // Entries that name versions give their timestamps: a detailed entry v1's (Published) and its own
        // version's (Updated), a snapshot record each listed version's `created`. Each version's timestamp is
        // the one of the highest-ranked entry that gives one. Known versions: 1 (every paper has it) and every
        // version an entry names or lists.
        var timestamps = new SortedDictionary<int, (DateTime At, EvidenceFacts From)>();
        var known = new SortedSet<int> { 1 };
        foreach (var entry in evidence)
        {
            if (entry.Version is not { } version)
            {
                continue;
            }

            known.Add(version);
            if (entry.ListedVersions is { } listed)
            {
                foreach (var (number, created) in listed)
                {
                    known.Add(number);
                    Offer(timestamps, number, created, entry);
                }
            }
            else
            {
                Offer(timestamps, 1, entry.PublishedAt, entry);
                if (version > 1)
                {
                    Offer(timestamps, version, entry.UpdatedAt, entry);
                }
            }
        }

        // Every entry speaks for one version: the one it names, or the one announced before its date.
        // A version's text comes from the entry of the highest-precedence format, then the highest rank.
        var assignments = new List<DatedAssignment>();
        var textByVersion = new Dictionary<int, EvidenceFacts>();
        foreach (var entry in evidence)
        {
            var version = entry.Version ?? VersionAnnouncedBefore(entry.DigestDate, timestamps);
            if (entry.Version is null)
            {
                assignments.Add(new DatedAssignment(entry, version));
            }

            if (Wins(entry, textByVersion.GetValueOrDefault(version)))
            {
                textByVersion[version] = entry;
            }
        }

        var versions = new List<VersionState>(known.Count);
        foreach (var version in known)
        {
            versions.Add(new VersionState(version, timestamps.TryGetValue(version, out var at) ? at.At : null, textByVersion.GetValueOrDefault(version)));
        }

        // The paper's fields come from the best format that has any text, at the highest version it has text for.
        var fieldsFrom = versions
            .Where(v => v.TextFrom is not null)
            .MaxBy(v => (Precedence(v.TextFrom!), v.Version))!
            .TextFrom!;
        var fieldsFormat = SourceFormats.Of(fieldsFrom.Format);
        var latest = known.Max;

        return new PaperState(
            arxivId,
            latest,
            timestamps.TryGetValue(1, out var first) ? first.At : null,
            timestamps.TryGetValue(latest, out var last) ? last.At : null,
            fieldsFrom,
            fieldsFormat.CategoriesFromDigest ? DigestCategories(evidence, fieldsFormat.Format) : null,
            versions,
            assignments);
    }

    /// <summary>Keeps <paramref name="at"/> as <paramref name="version"/>'s timestamp when <paramref name="entry"/> outranks the entry that gave the current one.</summary>
    private static void Offer(SortedDictionary<int, (DateTime At, EvidenceFacts From)> timestamps, int version, DateTime? at, EvidenceFacts entry)
    {
        if (at is { } time && (!timestamps.TryGetValue(version, out var current) || entry.Outranks(current.From)))
        {
            timestamps[version] = (time, entry);
        }
    }

    private static int Precedence(EvidenceFacts entry) => SourceFormats.Of(entry.Format).Precedence;

    /// <summary>Higher precedence wins; within a format, the higher rank.</summary>
    private static bool Wins(EvidenceFacts entry, EvidenceFacts? current)
    {
        if (current is null)
        {
            return true;
        }

        var byPrecedence = Precedence(entry).CompareTo(Precedence(current));
        return byPrecedence != 0 ? byPrecedence > 0 : entry.Outranks(current);
    }

    /// <summary>The categories of every file of <paramref name="format"/> that listed the paper, sorted by code.</summary>
    private static string[] DigestCategories(IReadOnlyList<EvidenceFacts> evidence, DigestFormat format)
    {
        var categories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in evidence)
        {
            if (entry.Format == format)
            {
                categories.UnionWith(entry.Categories);
            }
        }

        return [.. categories];
    }

    /// <summary>
    /// An entry dated D that names no version announces the highest known version submitted before D 00:00
    /// UTC. With no such version (no timestamps known, or all later), it speaks for version 1.
    /// </summary>
    private static int VersionAnnouncedBefore(DateOnly digestDate, SortedDictionary<int, (DateTime At, EvidenceFacts From)> timestamps)
    {
        var midnight = digestDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var version = 1;
        foreach (var (candidate, (at, _)) in timestamps)
        {
            if (at < midnight && candidate > version)
            {
                version = candidate;
            }
        }

        return version;
    }
}
