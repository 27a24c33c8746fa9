using System.Buffers.Binary;

namespace Etl.Data.Export.Parquet;

/// <summary>
/// Values in PostgreSQL's binary format (what <c>COPY … (FORMAT BINARY)</c> sends: big-endian, dates and
/// timestamps counted from 2000-01-01) read as Parquet stores them (little-endian in memory, counted from 1970-01-01).
/// </summary>
internal static class PostgresBinary
{
    private const int DaysFrom1970To2000 = 10_957;
    private const long MicrosecondsFrom1970To2000 = DaysFrom1970To2000 * 86_400_000_000L;

    public static bool Boolean(ReadOnlySpan<byte> value) => Sized(value, 1)[0] != 0;

    public static int Int16(ReadOnlySpan<byte> value) => BinaryPrimitives.ReadInt16BigEndian(Sized(value, 2));

    public static int Int32(ReadOnlySpan<byte> value) => BinaryPrimitives.ReadInt32BigEndian(Sized(value, 4));

    public static long Int64(ReadOnlySpan<byte> value) => BinaryPrimitives.ReadInt64BigEndian(Sized(value, 8));

    public static float Float32(ReadOnlySpan<byte> value) => BinaryPrimitives.ReadSingleBigEndian(Sized(value, 4));

    public static double Float64(ReadOnlySpan<byte> value) => BinaryPrimitives.ReadDoubleBigEndian(Sized(value, 8));

    /// <summary>Days since 1970-01-01; PostgreSQL's infinities as DuckDB writes them (see <see cref="Timestamp"/>).</summary>
    public static int Date(ReadOnlySpan<byte> value) => Int32(value) switch
    {
        int.MaxValue => int.MaxValue,
        int.MinValue => -int.MaxValue,
        var days => days + DaysFrom1970To2000,
    };

    /// <summary>
    /// Microseconds since 1970-01-01 (UTC for timestamptz, which PostgreSQL sends in UTC). Parquet has no
    /// infinity: PostgreSQL's 'infinity' and '-infinity' (the largest and smallest 64-bit values) are written
    /// as DuckDB writes its own (the largest value and its negation), which DuckDB reads as infinities
    /// again and other readers as the latest and earliest instant they can hold.
    /// </summary>
    public static long Timestamp(ReadOnlySpan<byte> value) => Int64(value) switch
    {
        long.MaxValue => long.MaxValue,
        long.MinValue => -long.MaxValue,
        var microseconds => microseconds + MicrosecondsFrom1970To2000,
    };

    private static ReadOnlySpan<byte> Sized(ReadOnlySpan<byte> value, int size) =>
        value.Length == size
            ? value
            : throw new InvalidDataException($"a binary COPY value of {value.Length} bytes where its type has {size}; the column's type and its decoder disagree");
}
