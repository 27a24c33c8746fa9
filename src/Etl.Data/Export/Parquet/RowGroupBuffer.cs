namespace Etl.Data.Export.Parquet;

/// <summary>The rows of one Parquet row group, column by column, as they arrive from the COPY.</summary>
internal sealed class RowGroupBuffer(IReadOnlyList<ColumnPlan> columns, ValueArena arena)
{
    public ColumnBuffer[] Columns { get; } = [.. columns.Select(column => column.CreateBuffer(arena))];

    public int Rows { get; set; }

    /// <summary>The bytes of the COPY fields held: what bounds a row group.</summary>
    public long FieldBytes { get; set; }

    /// <summary>Called after the group is written: its columns have emptied themselves.</summary>
    public void Clear()
    {
        arena.Clear();
        Rows = 0;
        FieldBytes = 0;
    }
}
