namespace Etl.Data.Discovery;

/// <summary>
/// A file offered to the loader: where it is, its size, the sha256 that identifies its content and the
/// date it names: a digest's header date, a listing's file-name date or a snapshot's first record's
/// <c>update_date</c> (null when it names none). A snapshot is loaded in a batch of its own: its records are
/// checked against those the warehouse holds before any is stored.
/// </summary>
public sealed record DigestFile(string Path, long Bytes, byte[] Sha256, DateOnly? DigestDate = null, bool IsSnapshot = false)
{
    public string ShaHex => Convert.ToHexStringLower(Sha256);
}
