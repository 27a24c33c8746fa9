namespace Etl.Core.Reconciliation;

/// <summary>One spelling of an author and the number of entries (detailed and listing: every entry with authors) that used it.</summary>
public sealed record AuthorVariant(string Spelling, long Entries);
