namespace Etl.Core.Reconciliation;

/// <summary>
/// The version an entry that names none (compact, listing) speaks for, as decided by its date and the
/// timestamps known so far.
/// </summary>
public sealed record DatedAssignment(EvidenceFacts Entry, int Version);
