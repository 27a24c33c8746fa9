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
        IReadOnlyList<string> categories)
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
    }

    public long DigestId { get; }

    public DateOnly DigestDate { get; }

    public byte[] DigestSha256 { get; }

    /// <summary>Line of the entry's heading in its file.</summary>
    public int Line { get; }

    public DigestFormat Format { get; }

    /// <summary>The version the entry names (detailed); null for entries placed by their date (compact, listing).</summary>
    public int? Version { get; }

    public DateTime? PublishedAt { get; }

    public DateTime? UpdatedAt { get; }

    /// <summary>Only needed for formats whose entries carry their file's category (<see cref="Model.SourceFormat.CategoriesFromDigest"/>).</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>
    /// The contract's rank key (digest date, sha256 of the file, line): a positive result means this
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
        return bySha != 0 ? bySha : Line.CompareTo(other.Line);
    }

    /// <summary>True when this entry outranks <paramref name="other"/> (or there is no other).</summary>
    public bool Outranks(EvidenceFacts? other) => other is null || CompareRank(other) > 0;
}
