namespace Etl.Data.Export;

/// <summary>One file an export wrote: where, how many rows and bytes, and how long it took.</summary>
public sealed record ExportedFile(string Path, long Rows, long Bytes, TimeSpan Elapsed);
