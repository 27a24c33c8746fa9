namespace Etl.Data.Schema;

/// <summary>One distinct file content offered to the loader (<c>warehouse.digests</c>).</summary>
public sealed class Digest
{
    public long DigestId { get; set; }

    public required byte[] Sha256 { get; set; }

    public required string Path { get; set; }

    public long Bytes { get; set; }

    public string? Format { get; set; }

    public string? Category { get; set; }

    public DateOnly? DigestDate { get; set; }

    public int Entries { get; set; }

    public int RejectedEntries { get; set; }

    public required string Outcome { get; set; }

    public DateTime LoadedAt { get; set; }
}
