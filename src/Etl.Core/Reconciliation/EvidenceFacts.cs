using Etl.Core.Model;

namespace Etl.Core.Reconciliation;

/// <summary>
/// What reconciliation needs to know about one stored entry: where it is, how it ranks, and the
/// facts that decide versions. Texts stay where they are (in the evidence) and are only pointed at,
/// so reconciling a paper never moves an abstract around.
/// </summary>
public sealed class EvidenceFacts
{
    public EvidenceFacts(
        long digestId,
        DateOnly digestDate,
        byte[] digestSha256,
        int line,
        DigestFormat format,
        int? version,
        DateTime? publishedAt,
        DateTime? updatedAt,
        IReadOnlyList<string> categories,
        IReadOnlyList<VersionTime>? listedVersions = null)
    {
        DigestId = digestId;
        DigestDate = digestDate;
        DigestSha256 = digestSha256;
        Line = line;
        Format = format;
        Version = version;
        PublishedAt = publishedAt;
        UpdatedAt = updatedAt;
        Categories = categories;
        ListedVersions = listedVersions;
        RankLine = listedVersions is null ? line : 0;
    }

    /// <summary>A snapshot record's facts: it ranks by its own <c>update_date</c> and line hash, at line 0.</summary>
    public static EvidenceFacts Record(long digestId, int line, SnapshotRecord record, int version) =>
        new(digestId, record.UpdateDate, record.Sha256, line, DigestFormat.Snapshot, version, null, null, [], record.Versions);

    /// <summary>The facts of a parsed entry of a file dated <paramref name="digestDate"/> with hash <paramref name="digestSha256"/>.</summary>
    public static EvidenceFacts Of(long digestId, DateOnly digestDate, byte[] digestSha256, DigestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Record is { } record
            ? Record(digestId, entry.Line, record, entry.Version!.Value)
            : new(digestId, digestDate, digestSha256, entry.Line, entry.Format, entry.Version, entry.PublishedAt, entry.UpdatedAt, entry.Categories);
    }

    public long DigestId { get; }

    /// <summary>The date of the rank key: the file's date, or a snapshot record's own <c>update_date</c>.</summary>
    public DateOnly DigestDate { get; }

    /// <summary>The sha256 of the rank key: the file's, or a snapshot record's own line's.</summary>
    public byte[] DigestSha256 { get; }

    /// <summary>Line of the entry's heading (a record's line) in its file: with <see cref="DigestId"/>, where its values are.</summary>
    public int Line { get; }

    /// <summary>The line of the rank key: <see cref="Line"/>, or 0 for a snapshot record (the same record ranks the same in every file).</summary>
    public int RankLine { get; }

    /// <summary>Every version a snapshot record lists, with the timestamps it gives; null for digest entries.</summary>
    public IReadOnlyList<VersionTime>? ListedVersions { get; }

    public DigestFormat Format { get; }

    /// <summary>The version whose text the entry holds (detailed: the one it names; snapshot: the highest it lists); null for entries placed by their date (compact, listing).</summary>
    public int? Version { get; }

    public DateTime? PublishedAt { get; }

    public DateTime? UpdatedAt { get; }

    /// <summary>Only needed for formats whose entries carry their file's category (<see cref="Model.SourceFormat.CategoriesFromDigest"/>).</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>
    /// The contract's rank key (digest date, sha256 of the file, line; for a snapshot record its update_date, the sha256 of its line, 0): a positive result means this
    /// entry outranks <paramref name="other"/>. Ordinal byte order of the sha256 equals the order of its hex text.
    /// </summary>
    public int CompareRank(EvidenceFacts other)
    {
        var byDate = DigestDate.CompareTo(other.DigestDate);
        if (byDate != 0)
        {
            return byDate;
        }

        var bySha = DigestSha256.AsSpan().SequenceCompareTo(other.DigestSha256);
        return bySha != 0 ? bySha : RankLine.CompareTo(other.RankLine);
    }

    /// <summary>True when this entry outranks <paramref name="other"/> (or there is no other).</summary>
    public bool Outranks(EvidenceFacts? other) => other is null || CompareRank(other) > 0;
}
