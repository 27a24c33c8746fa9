namespace Etl.Data.Export;

/// <summary>A column of an exported table: its name, its type in the file and in PostgreSQL, and what it holds.</summary>
public sealed record DescribedColumn(string Name, string Type, string SourceType, string? Description);
