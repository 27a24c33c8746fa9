namespace Etl.Core.Model;

/// <summary>
/// What a snapshot record carries beyond a digest entry. A record ranks by its own <see cref="UpdateDate"/> and
/// <see cref="Sha256"/> (line 0), not by its file's, so an unchanged record in next week's snapshot is the
/// same evidence and is stored once.
/// </summary>
/// <param name="Sha256">sha256 of the record's line as it is in the file, without the line ending (and without a leading byte order mark).</param>
/// <param name="UpdateDate">The record's <c>update_date</c>.</param>
/// <param name="Versions">Every version the record lists, in the record's order, each with its <c>created</c> time in UTC (null when the record gives none).</param>
/// <param name="Submitter">Kept for the export; not in the contract views.</param>
/// <param name="ReportNo">Kept for the export; not in the contract views.</param>
/// <param name="License">Kept for the export; not in the contract views.</param>
/// <param name="AuthorsParsed">The record's <c>authors_parsed</c> as written (JSON), kept so the export can give back suffixes and affiliations.</param>
public sealed record SnapshotRecord(
    byte[] Sha256,
    DateOnly UpdateDate,
    IReadOnlyList<VersionTime> Versions,
    string? Submitter,
    string? ReportNo,
    string? License,
    string? AuthorsParsed);
