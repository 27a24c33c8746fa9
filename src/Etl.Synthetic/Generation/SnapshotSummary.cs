namespace Etl.Core.Generation;

/// <summary>What <see cref="SnapshotWriter.Write(string, SnapshotOptions)"/> wrote.</summary>
/// <param name="Records">Lines of the snapshot.</param>
/// <param name="Bytes">Its size (the lines are ASCII, each ends with a line feed).</param>
/// <param name="RefreshRecords">Lines of the refresh: the snapshot's records, then <paramref name="Added"/> new ones.</param>
/// <param name="RefreshBytes">The refresh's size.</param>
/// <param name="Changed">Refresh lines of the snapshot's papers that differ from the snapshot's line (a new version or an edited text).</param>
/// <param name="Added">Refresh lines of papers the snapshot does not hold.</param>
/// <param name="Collaborations">Snapshot records signed by a collaboration of 150 to 3,000 people.</param>
public sealed record SnapshotSummary(long Records, long Bytes, long RefreshRecords, long RefreshBytes, long Changed, long Added, long Collaborations)
{
    /// <summary>Refresh lines that repeat the snapshot's line byte for byte.</summary>
    public long Identical => Records - Changed;
}
