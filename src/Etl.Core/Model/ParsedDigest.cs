namespace Etl.Core.Model;

/// <summary>
/// The outcome of reading one file: either a header with its entries and per-entry rejections,
/// or a <see cref="FileRejection"/> when the file is not a digest at all.
/// </summary>
public sealed record ParsedDigest(
    DigestHeader? Header,
    IReadOnlyList<DigestEntry> Entries,
    IReadOnlyList<EntryRejection> Rejections,
    string? FileRejection)
{
    /// <summary>Words of the accepted entries' texts repaired as mojibake (report.data_quality counts them).</summary>
    public int MojibakeRepairs { get; init; }

    public static ParsedDigest NotADigest(string reason) => new(null, [], [], reason);
}
