namespace Etl.Data.Export;

/// <summary>A table as an export wrote it, for the README: its file, what a row is, its rows and bytes, and its columns.</summary>
public sealed record WrittenTable(string FileName, string Summary, long Rows, long Bytes, IReadOnlyList<DescribedColumn> Columns);
