namespace Etl.Data.Discovery;

/// <summary>
/// A file offered to the loader: where it is, its size, the sha256 that identifies its content and the
/// date it names: a digest's header date or a listing's file-name date (null when it names none).
/// </summary>
public sealed record DigestFile(string Path, long Bytes, byte[] Sha256, DateOnly? DigestDate = null)
{
    public string ShaHex => Convert.ToHexStringLower(Sha256);
}
