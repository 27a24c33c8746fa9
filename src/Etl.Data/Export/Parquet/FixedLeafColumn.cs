using System.Runtime.CompilerServices;
using ParquetSharp;

namespace Etl.Data.Export.Parquet;

/// <summary>A leaf of fixed-size values (integers, floats, booleans, dates, timestamps).</summary>
/// <param name="decode">Reads one value from PostgreSQL's binary format (and checks its size).</param>
internal sealed class FixedLeafColumn<T>(bool repeated, FixedLeafColumn<T>.Decoder decode) : LeafColumn(repeated)
    where T : unmanaged
{
    public delegate T Decoder(ReadOnlySpan<byte> binary);

    private T[] _values = new T[4096];
    private int _count;

    protected override long ValueBytes => _count * (long)Unsafe.SizeOf<T>();

    protected override void AddValue(ReadOnlySpan<byte> binary)
    {
        if (_count == _values.Length)
        {
            Array.Resize(ref _values, _count * 2);
        }

        _values[_count++] = decode(binary);
    }

    protected override void WriteValues(ColumnWriter writer, int levels, ReadOnlySpan<short> definitions, ReadOnlySpan<short> repetitions) =>
        ((ColumnWriter<T>)writer).WriteBatch(levels, definitions, repetitions, _values.AsSpan(0, _count));

    protected override void ClearValues() => _count = 0;
}
