using Etl.Core.Model;
using Etl.Core.Reconciliation;

namespace Etl.Core.Tests.Reconciliation;

/// <summary>Builds evidence for reconciliation cases; sha is one byte repeated, so ranks are easy to read.</summary>
internal static class Evidence
{
    private static long _ids;

    public static EvidenceFacts Detailed(string date, int version, string published, string updated, byte sha = 1, int line = 3) =>
        new(Interlocked.Increment(ref _ids), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Sha(sha), line, DigestFormat.Detailed, version, Utc(published), Utc(updated), ["cs.CV"]);

    public static EvidenceFacts Compact(string date, string category = "cs.CV", byte sha = 1, int line = 3) =>
        new(Interlocked.Increment(ref _ids), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Sha(sha), line, DigestFormat.Compact, null, null, null, [category]);

    public static EvidenceFacts Listing(string date, byte sha = 1, int line = 3) =>
        new(Interlocked.Increment(ref _ids), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Sha(sha), line, DigestFormat.Listing, null, null, null, ["cs.CV", "cs.LG"]);

    /// <summary>A snapshot record of <paramref name="date"/> listing <paramref name="versions"/> (a null time: the record gives none).</summary>
    public static EvidenceFacts Snapshot(string date, byte sha, params (int Version, string? Created)[] versions) =>
        EvidenceFacts.Record(
            Interlocked.Increment(ref _ids),
            7,
            new SnapshotRecord(Sha(sha), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), [.. versions.Select(v => new VersionTime(v.Version, v.Created is null ? null : Utc(v.Created)))], null, null, null, null),
            versions.Max(v => v.Version));

    public static DateTime Utc(string timestamp) =>
        DateTime.SpecifyKind(DateTime.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static byte[] Sha(byte value) => Enumerable.Repeat(value, 32).ToArray();
}
