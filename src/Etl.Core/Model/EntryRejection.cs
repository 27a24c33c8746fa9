namespace Etl.Core.Model;

/// <summary>An entry (or, with <see cref="Line"/> 1 and no entries, a whole file) that could not be accepted.</summary>
public sealed record EntryRejection(int Line, string Reason);
