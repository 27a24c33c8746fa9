namespace Etl.Data.Discovery;

/// <summary>
/// A file offered to the loader: where it is, its size, the sha256 that identifies its content and the
/// digest date its first line names (null when line 1 is not a digest header).
/// </summary>
public sealed record DigestFile(string Path, long Bytes, byte[] Sha256, DateOnly? DigestDate = null)
{
    public string ShaHex => Convert.ToHexStringLower(Sha256);
}
