using System.Security.Cryptography;
using Etl.Core.Model;
using Etl.Core.Normalization;
using Etl.Core.Parsing;
using Etl.Core.Reconciliation;

namespace Etl.Core.Reporting;

/// <summary>
/// The slow, obviously correct warehouse: every entry kept in memory, every paper reconciled from all of
/// its evidence, the contract views computed directly. Tests and the benchmark compare the database
/// against it. Not for large corpora: it holds everything it reads.
/// </summary>
public sealed class ReferenceWarehouse
{
    private readonly HashSet<string> _contents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(EvidenceFacts Facts, DigestEntry Entry)>> _papers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, long>> _spellings = new(StringComparer.Ordinal);
    private long _digests;

    /// <summary>Reads one file's bytes; a content seen before counts once, as in the warehouse.</summary>
    /// <param name="fileName">The file's name or path: it decides the parser (<see cref="SourceFormats"/>) and dates listings.</param>
    /// <param name="content">The file's bytes.</param>
    public void Add(string fileName, ReadOnlySpan<byte> content)
    {
        var sha = SHA256.HashData(content);
        if (!_contents.Add(Convert.ToHexString(sha)))
        {
            return;
        }

        var digest = SourceFormats.Parse(fileName, content);
        if (digest.Header is null)
        {
            return;
        }

        var digestId = ++_digests;
        foreach (var entry in digest.Entries)
        {
            // A snapshot record already held (the same line in an earlier snapshot, or earlier in this one) is the same evidence.
            if (entry.Record is { } record && !_records.Add(Convert.ToHexString(record.Sha256)))
            {
                continue;
            }

            var facts = EvidenceFacts.Of(digestId, digest.Header.Date, sha, entry);
            if (!_papers.TryGetValue(entry.ArxivId, out var evidence))
            {
                _papers[entry.ArxivId] = evidence = [];
            }

            evidence.Add((facts, entry));

            // Every entry's spellings count, whatever its format (compact entries have none).
            foreach (var author in entry.Authors)
            {
                var key = AuthorKey.For(author);
                if (!_spellings.TryGetValue(key, out var counts))
                {
                    _spellings[key] = counts = new(StringComparer.Ordinal);
                }

                counts[author] = counts.GetValueOrDefault(author) + 1;
            }
        }
    }

    /// <summary>Both contract views, sorted by arXiv id (ordinal).</summary>
    public IReadOnlyList<ReportPaper> Build()
    {
        var displayNames = _spellings.ToDictionary(
            pair => pair.Key,
            pair => AuthorDisplayName.Choose(pair.Value.Select(spelling => new AuthorVariant(spelling.Key, spelling.Value))),
            StringComparer.Ordinal);

        var papers = new List<ReportPaper>(_papers.Count);
        foreach (var (arxivId, evidence) in _papers.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var entries = evidence.ToDictionary(item => item.Facts, item => item.Entry);
            var state = PaperReconciler.Reconcile(arxivId, [.. evidence.Select(item => item.Facts)]);
            var fields = entries[state.FieldsFrom];
            var categories = state.DigestCategories ?? [.. fields.Categories.Order(StringComparer.Ordinal)];
            papers.Add(new ReportPaper(
                arxivId,
                state.LatestVersion,
                fields.Title,
                fields.Abstract,
                [.. fields.Authors.Select(author => displayNames[AuthorKey.For(author)])],
                fields.PrimaryCategory,
                categories,
                state.PublishedAt,
                state.UpdatedAt,
                fields.Doi,
                fields.JournalRef,
                fields.Comment,
                [.. state.Versions.Select(version => Version(version, entries))]));
        }

        return papers;
    }

    private static ReportVersion Version(VersionState version, Dictionary<EvidenceFacts, DigestEntry> entries)
    {
        var text = version.TextFrom is null ? null : entries[version.TextFrom];
        return new ReportVersion(version.Version, version.SubmittedAt, text?.Title, text?.Abstract, SourceName(version.Source));
    }

    /// <summary>The contract's spelling of a version's source.</summary>
    public static string? SourceName(DigestFormat? format) => format is { } known ? SourceFormats.Of(known).Name : null;
}
