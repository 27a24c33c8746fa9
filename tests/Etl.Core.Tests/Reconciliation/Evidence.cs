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

    public static DateTime Utc(string timestamp) =>
        DateTime.SpecifyKind(DateTime.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static byte[] Sha(byte value) => Enumerable.Repeat(value, 32).ToArray();
}
