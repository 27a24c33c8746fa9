using ParquetSharp;

namespace Etl.Data.Export.Parquet;

/// <summary>How values of one PostgreSQL type are stored in Parquet.</summary>
/// <param name="Name">The type as the export's README names it (Arrow's names: <c>string</c>, <c>int32</c>, <c>timestamp[us, tz=UTC]</c>).</param>
/// <param name="Physical">Parquet's physical type.</param>
/// <param name="Logical">Parquet's logical type (a native object: one is made per schema node, and disposed with it).</param>
/// <param name="Leaf">
/// The leaf that decodes the values, given whether it holds the elements of a list and the row group's
/// buffer of variable-length values.
/// </param>
internal sealed record ParquetType(string Name, PhysicalType Physical, Func<LogicalType> Logical, Func<bool, ValueArena, LeafColumn> Leaf);
