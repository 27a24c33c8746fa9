namespace Etl.Service.Inbox;

/// <summary>What the warehouse says about a file content it holds (<c>warehouse.digests</c>, and line 1's reason when rejected).</summary>
public sealed record StoredContent(string Sha256, string Outcome, string? Category, DateOnly? DigestDate, string? Reason)
{
    public bool Rejected => Outcome == "rejected";
}
