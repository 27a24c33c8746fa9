using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Etl.Integration.Tests.Export;

/// <summary>
/// One row as comparable text, whoever read it: PostgreSQL through Npgsql or a Parquet file through
/// DuckDB. Timestamps compare by their ticks (both readers give UTC values), dates by their day, numbers
/// by their value (a numeric as the nearest double, which is what the export writes), lists element by element.
/// </summary>
internal static class RowCanon
{
    public static string Row(IEnumerable<object?> values) => string.Join(" | ", values.Select(Value));

    public static string Value(object? value) => value switch
    {
        null or DBNull => "null",
        string text => JsonSerializer.Serialize(text),
        bool flag => flag ? "true" : "false",
        DateTime time => "t" + time.Ticks.ToString(CultureInfo.InvariantCulture),
        DateOnly day => "t" + day.ToDateTime(TimeOnly.MinValue).Ticks.ToString(CultureInfo.InvariantCulture),
        decimal number => double.Parse(number.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => ((double)number).ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => "0x" + Convert.ToHexString(bytes),
        Stream stream => "0x" + Convert.ToHexString(ReadAll(stream)),
        sbyte or byte or short or ushort or int or uint or long => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Value)) + "]",
        _ => throw new NotSupportedException($"no canonical form for a {value.GetType()} ({value})"),
    };

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
