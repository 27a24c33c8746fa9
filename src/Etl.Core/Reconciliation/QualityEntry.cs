namespace Etl.Core.Reconciliation;

/// <summary>
/// One evidence entry of a paper as its quality facts see it (<see cref="PaperQuality"/>).
/// </summary>
/// <param name="DigestId">The file the entry is in.</param>
/// <param name="Format">The format's name as the evidence stores it (<c>warehouse.evidence.format</c>).</param>
/// <param name="Version">The version the entry speaks for: the one it names, or the one reconciliation assigned it by its date (<see cref="DatedAssignment"/>); null when neither.</param>
/// <param name="TextHash">A 64-bit hash of its title and abstract (sql/load/read_facts.sql): equal texts, equal hashes.</param>
public readonly record struct QualityEntry(long DigestId, string Format, int? Version, long TextHash);
