namespace Etl.Data.Discovery;

/// <summary>A file offered to the loader: where it is, its size and the sha256 that identifies its content.</summary>
public sealed record DigestFile(string Path, long Bytes, byte[] Sha256)
{
    public string ShaHex => Convert.ToHexStringLower(Sha256);
}
