namespace Etl.Data.Schema;

/// <summary>Why an entry, or at line 1 a whole file, was not loaded (<c>warehouse.rejections</c>).</summary>
public sealed class Rejection
{
    public long DigestId { get; set; }

    public int Line { get; set; }

    public required string Reason { get; set; }
}
