using ParquetSharp;

namespace Etl.Data.Export.Parquet;

/// <summary>How the export writes its Parquet files (docs/export.md says why these values).</summary>
/// <param name="RowGroupBytes">A row group is closed once its rows' PostgreSQL fields reach this many bytes.</param>
/// <param name="Compression">The codec of every column.</param>
/// <param name="CompressionLevel">The codec's level, or null for Arrow's default.</param>
/// <param name="Dictionary">Whether Arrow tries dictionary encoding (it falls back to plain when a dictionary grows past 1 MB).</param>
internal sealed record ParquetSettings(long RowGroupBytes, Compression Compression, int? CompressionLevel, bool Dictionary)
{
    public static ParquetSettings Default { get; } = new(RowGroupBytes: 32L << 20, Compression.Zstd, CompressionLevel: 1, Dictionary: true);
}
