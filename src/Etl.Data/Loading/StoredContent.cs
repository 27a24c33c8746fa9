namespace Etl.Data.Loading;

/// <summary>A file content the warehouse holds (<c>warehouse.digests</c>): its id, identity, first path and size, and whether it is a snapshot.</summary>
public sealed record StoredContent(long DigestId, byte[] Sha256, string Path, long Bytes, bool IsSnapshot = false);
