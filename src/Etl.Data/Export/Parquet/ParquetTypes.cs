using Npgsql.PostgresTypes;
using ParquetSharp;

namespace Etl.Data.Export.Parquet;

/// <summary>
/// The PostgreSQL types a column can have and the Parquet type it is written as: the real types, so that
/// pandas, Polars, DuckDB and Spark read numbers, booleans, dates, UTC timestamps and lists, not strings.
/// One-dimensional arrays become lists of their element type. <c>numeric</c> is cast to <c>float8</c>
/// by the query (a report view's numeric has no fixed scale, which Parquet's DECIMAL would need; its
/// values are rounded shares and day counts). Any other type (json, uuid, interval, …) is cast to
/// <c>text</c> by the query and written as a string.
/// </summary>
internal static class ParquetTypes
{
    public static readonly ParquetType String = new("string", PhysicalType.ByteArray, LogicalType.String, (repeated, arena) => new ByteArrayLeafColumn(repeated, arena));

    private static readonly ParquetType Binary = new("binary", PhysicalType.ByteArray, LogicalType.None, (repeated, arena) => new ByteArrayLeafColumn(repeated, arena));
    private static readonly ParquetType Boolean = new("bool", PhysicalType.Boolean, LogicalType.None, (repeated, _) => new FixedLeafColumn<bool>(repeated, PostgresBinary.Boolean));
    private static readonly ParquetType Int16 = new("int16", PhysicalType.Int32, () => LogicalType.Int(16, isSigned: true), (repeated, _) => new FixedLeafColumn<int>(repeated, PostgresBinary.Int16));
    private static readonly ParquetType Int32 = new("int32", PhysicalType.Int32, LogicalType.None, (repeated, _) => new FixedLeafColumn<int>(repeated, PostgresBinary.Int32));
    private static readonly ParquetType Int64 = new("int64", PhysicalType.Int64, LogicalType.None, (repeated, _) => new FixedLeafColumn<long>(repeated, PostgresBinary.Int64));
    private static readonly ParquetType Float = new("float", PhysicalType.Float, LogicalType.None, (repeated, _) => new FixedLeafColumn<float>(repeated, PostgresBinary.Float32));
    private static readonly ParquetType Double = new("double", PhysicalType.Double, LogicalType.None, (repeated, _) => new FixedLeafColumn<double>(repeated, PostgresBinary.Float64));
    private static readonly ParquetType Date = new("date32[day]", PhysicalType.Int32, LogicalType.Date, (repeated, _) => new FixedLeafColumn<int>(repeated, PostgresBinary.Date));
    private static readonly ParquetType UtcTimestamp = new("timestamp[us, tz=UTC]", PhysicalType.Int64, () => LogicalType.Timestamp(isAdjustedToUtc: true, TimeUnit.Micros), (repeated, _) => new FixedLeafColumn<long>(repeated, PostgresBinary.Timestamp));
    private static readonly ParquetType LocalTimestamp = new("timestamp[us]", PhysicalType.Int64, () => LogicalType.Timestamp(isAdjustedToUtc: false, TimeUnit.Micros), (repeated, _) => new FixedLeafColumn<long>(repeated, PostgresBinary.Timestamp));

    /// <summary>How a result column of PostgreSQL type <paramref name="type"/> is exported.</summary>
    public static ColumnPlan Plan(string name, PostgresType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var described = Describe(type);
        if (Underlying(type) is PostgresArrayType array)
        {
            var element = Underlying(array.Element);
            return element.OID == PostgresOids.Numeric
                ? new ColumnPlan(name, Double, IsList: true, "float8[]", described)
                : Scalar(element.OID) is { } elementType
                    ? new ColumnPlan(name, elementType, IsList: true, Cast: null, described)
                    : new ColumnPlan(name, String, IsList: true, "text[]", described);
        }

        var scalar = Underlying(type);
        return scalar.OID == PostgresOids.Numeric
            ? new ColumnPlan(name, Double, IsList: false, "float8", described)
            : Scalar(scalar.OID) is { } scalarType
                ? new ColumnPlan(name, scalarType, IsList: false, Cast: null, described)
                : new ColumnPlan(name, String, IsList: false, "text", described);
    }

    private static ParquetType? Scalar(uint oid) => oid switch
    {
        PostgresOids.Bool => Boolean,
        PostgresOids.Bytea => Binary,
        PostgresOids.Int2 => Int16,
        PostgresOids.Int4 => Int32,
        PostgresOids.Int8 => Int64,
        PostgresOids.Float4 => Float,
        PostgresOids.Float8 => Double,
        PostgresOids.Text or PostgresOids.Varchar or PostgresOids.Bpchar or PostgresOids.Name => String,
        PostgresOids.Date => Date,
        PostgresOids.Timestamp => LocalTimestamp,
        PostgresOids.TimestampTz => UtcTimestamp,
        _ => null,
    };

    /// <summary>A domain is sent in its base type's binary format.</summary>
    private static PostgresType Underlying(PostgresType type) => type is PostgresDomainType domain ? Underlying(domain.BaseType) : type;

    private static string Describe(PostgresType type) => type.DisplayName;
}
