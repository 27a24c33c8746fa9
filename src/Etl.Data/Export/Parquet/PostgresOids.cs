namespace Etl.Data.Export.Parquet;

/// <summary>The object ids of the PostgreSQL built-in types the export writes as themselves (fixed in PostgreSQL's catalog, pg_type.dat).</summary>
internal static class PostgresOids
{
    public const uint Bool = 16;
    public const uint Bytea = 17;
    public const uint Name = 19;
    public const uint Int8 = 20;
    public const uint Int2 = 21;
    public const uint Int4 = 23;
    public const uint Text = 25;
    public const uint Float4 = 700;
    public const uint Float8 = 701;
    public const uint Bpchar = 1042;
    public const uint Varchar = 1043;
    public const uint Date = 1082;
    public const uint Timestamp = 1114;
    public const uint TimestampTz = 1184;
    public const uint Numeric = 1700;
}
