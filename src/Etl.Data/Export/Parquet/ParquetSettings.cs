using ParquetSharp;

namespace Etl.Data.Export.Parquet;

/// <summary>How the export writes its Parquet files (docs/export.md says why these values).</summary>
/// <param name="RowGroupBytes">A row group is closed once its rows' PostgreSQL fields reach this many bytes.</param>
/// <param name="Compression">The codec of every column.</param>
/// <param name="CompressionLevel">The codec's level, or null for Arrow's default.</param>
internal sealed record ParquetSettings(long RowGroupBytes, Compression Compression, int? CompressionLevel)
{
    public static ParquetSettings Default { get; } = new(RowGroupBytes: 16L << 20, Compression.Zstd, CompressionLevel: 1);
}
