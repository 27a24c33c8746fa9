using ParquetSharp;

namespace Etl.Data.Export.Parquet;

/// <summary>
/// One Parquet leaf column of one row group as it fills: the values present, and a definition level per
/// value slot (and a repetition level, for the elements of a list) that say where nulls, empty lists and
/// list boundaries are (Parquet's Dremel encoding). Subclasses hold the values of one physical type,
/// decoded from PostgreSQL's binary format, and hand them to the native writer without another copy.
/// </summary>
internal abstract class LeafColumn
{
    private short[] _definitions = new short[4096];
    private short[]? _repetitions;

    protected LeafColumn(bool repeated) => _repetitions = repeated ? new short[4096] : null;

    /// <summary>Value slots so far: values, nulls, and (in a list column) empty and null lists.</summary>
    public int Levels { get; private set; }

    /// <summary>Bytes held: values and levels, the measure that bounds a row group.</summary>
    public long Bytes => ValueBytes + Levels * (_repetitions is null ? 2L : 4L);

    protected abstract long ValueBytes { get; }

    /// <summary>A slot without a value: a null, or an empty or null list.</summary>
    public void AddNull(short definition, short repetition) => AddLevel(definition, repetition);

    /// <summary>A value, in PostgreSQL's binary format.</summary>
    public void Add(ReadOnlySpan<byte> binary, short definition, short repetition)
    {
        AddLevel(definition, repetition);
        AddValue(binary);
    }

    /// <summary>Writes the row group's values to this column's writer, then empties the column for the next group.</summary>
    public void WriteTo(ColumnWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteValues(writer, Levels, _definitions.AsSpan(0, Levels), _repetitions is null ? default : _repetitions.AsSpan(0, Levels));
        Levels = 0;
        ClearValues();
    }

    protected abstract void AddValue(ReadOnlySpan<byte> binary);

    protected abstract void WriteValues(ColumnWriter writer, int levels, ReadOnlySpan<short> definitions, ReadOnlySpan<short> repetitions);

    protected abstract void ClearValues();

    private void AddLevel(short definition, short repetition)
    {
        if (Levels == _definitions.Length)
        {
            Array.Resize(ref _definitions, Levels * 2);
            if (_repetitions is not null)
            {
                Array.Resize(ref _repetitions, Levels * 2);
            }
        }

        _definitions[Levels] = definition;
        if (_repetitions is not null)
        {
            _repetitions[Levels] = repetition;
        }

        Levels++;
    }
}
