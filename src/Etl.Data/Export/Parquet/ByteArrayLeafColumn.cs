using ParquetSharp;

namespace Etl.Data.Export.Parquet;

/// <summary>
/// A leaf of variable-length values (text as UTF-8, bytea). PostgreSQL's bytes are copied once, into the
/// row group's <see cref="ValueArena"/>, and the native writer reads them there (a <see cref="ByteArray"/>
/// is a pointer and a length), so text is never decoded into .NET strings and encoded again. The pointers
/// are made in slices of whole rows, so that their array stays small.
/// </summary>
internal sealed class ByteArrayLeafColumn(bool repeated, ValueArena arena) : LeafColumn(repeated)
{
    private const int Slice = 1 << 16;

    // The definition level of a slot that holds a value (ColumnBuffer's levels).
    private readonly short _valueDefinition = repeated ? ColumnBuffer.Element : ColumnBuffer.Value;

    // The pointers of one slice, made on the writing thread for each call; kept per thread, not per column,
    // since a thread writes one column at a time (a slice of 65,536 pointers is 1 MB).
    [ThreadStatic]
    private static ByteArray[]? _pointers;

    private int[] _offsets = new int[4096];
    private int[] _lengths = new int[4096];
    private int _count;

    protected override long ValueBytes => _count * 8L;

    protected override void AddValue(ReadOnlySpan<byte> binary)
    {
        if (_count == _offsets.Length)
        {
            Array.Resize(ref _offsets, _count * 2);
            Array.Resize(ref _lengths, _count * 2);
        }

        _offsets[_count] = arena.Append(binary);
        _lengths[_count] = binary.Length;
        _count++;
    }

    protected override void WriteValues(ColumnWriter writer, int levels, ReadOnlySpan<short> definitions, ReadOnlySpan<short> repetitions)
    {
        var column = (ColumnWriter<ByteArray>)writer;
        var start = arena.Start;
        var pointers = _pointers ??= new ByteArray[Slice];
        var value = 0;
        var level = 0;
        while (level < levels)
        {
            // Up to a slice of values, ending where a row ends (a list is not split between two calls).
            var first = level;
            var values = 0;
            while (level < levels && (values < pointers.Length || (!repetitions.IsEmpty && repetitions[level] != 0)))
            {
                if (definitions[level] == _valueDefinition)
                {
                    if (values == pointers.Length)
                    {
                        Array.Resize(ref pointers, pointers.Length * 2);
                        _pointers = pointers;
                    }

                    pointers[values++] = new ByteArray(start + _offsets[value], _lengths[value]);
                    value++;
                }

                level++;
            }

            column.WriteBatch(
                level - first,
                definitions[first..level],
                repetitions.IsEmpty ? default : repetitions[first..level],
                pointers.AsSpan(0, values));
        }
    }

    protected override void ClearValues() => _count = 0;
}
