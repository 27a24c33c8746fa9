using Etl.Core.Model;

namespace Etl.Core.Reconciliation;

/// <summary>One known version of a paper: its timestamp (if known) and the entry its text comes from (if any).</summary>
public sealed record VersionState(int Version, DateTime? SubmittedAt, EvidenceFacts? TextFrom)
{
    /// <summary>Where the text came from; null for a version known only by its timestamp.</summary>
    public DigestFormat? Source => TextFrom?.Format;
}
