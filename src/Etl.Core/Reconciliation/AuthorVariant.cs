namespace Etl.Core.Reconciliation;

/// <summary>One spelling of an author and the number of detailed entries that used it.</summary>
public sealed record AuthorVariant(string Spelling, long Entries);
