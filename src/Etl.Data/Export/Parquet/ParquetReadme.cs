using System.Globalization;
using System.Text;

namespace Etl.Data.Export.Parquet;

/// <summary>The <c>README.md</c> an export writes beside its files: when, what, how to load it, and every column.</summary>
internal static class ParquetReadme
{
    public static string Render(DateTimeOffset snapshot, DateTimeOffset? since, IReadOnlyList<WrittenTable> tables, ParquetSettings settings)
    {
        var text = new StringBuilder();
        text.AppendLine("# arXiv digest warehouse export (Parquet)")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Written by `etl export --format parquet` from one snapshot of the warehouse, taken at **{Utc(snapshot)}** (UTC).");
        if (since is { } instant)
        {
            text.AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"Narrowed by `--since {Utc(instant)}`: the papers whose latest version arXiv dates (`updated_at`) at or after that instant, their versions, their authors and author links.")
                .AppendLine("This is not a change feed: `updated_at` is arXiv's time, not the warehouse's, so a paper whose rows changed without a new version")
                .AppendLine("(a digest loaded late, a display name that changed) is not included, and a paper whose `updated_at` is unknown never is.");
        }

        text.AppendLine()
            .AppendLine("| file | rows | size | a row is |")
            .AppendLine("|---|---|---|---|");
        foreach (var table in tables)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{table.FileName}` | {table.Rows:N0} | {Size(table.Bytes)} | {Cell(table.Summary)} |");
        }

        text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Parquet files, {Codec(settings)}-compressed, in row groups of about {settings.RowGroupBytes >> 20} MB of data. Every column may hold nulls;")
            .AppendLine("timestamps are UTC instants in microseconds, dates are days, lists are Parquet LISTs. Rows are in no particular order.")
            .AppendLine()
            .AppendLine("## Loading")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"""
                ```python
                import pandas as pd; df = pd.read_parquet("{tables[0].FileName}")      # pyarrow
                import polars as pl; df = pl.read_parquet("{tables[0].FileName}")
                df = spark.read.parquet("{tables[0].FileName}")                      # PySpark
                ```
                ```sql
                SELECT * FROM '{tables[0].FileName}';                               -- DuckDB
                ```
                """);
        foreach (var table in tables)
        {
            text.AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"## {table.FileName}")
                .AppendLine()
                .AppendLine(table.Summary)
                .AppendLine()
                .AppendLine("| column | type | PostgreSQL type | description |")
                .AppendLine("|---|---|---|---|");
            foreach (var column in table.Columns)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| `{column.Name}` | `{column.Type}` | `{column.SourceType}` | {Cell(column.Description ?? string.Empty)} |");
            }
        }

        return text.ToString();
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Codec(ParquetSettings settings) => settings.Compression switch
    {
        ParquetSharp.Compression.Zstd => "Zstandard",
        ParquetSharp.Compression.Snappy => "Snappy",
        var other => other.ToString(),
    };

    private static string Size(long bytes) => bytes switch
    {
        < 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} kB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MB"),
    };

    /// <summary>Text in a Markdown table cell: a pipe would end the cell, a line break the row.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
