namespace Etl.Core.Reconciliation;

/// <summary>The version a compact entry speaks for, as decided by the evidence known so far.</summary>
public sealed record CompactAssignment(EvidenceFacts Entry, int Version);
