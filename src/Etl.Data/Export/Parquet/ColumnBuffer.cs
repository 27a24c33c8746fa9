using System.Buffers.Binary;
using ParquetSharp;

namespace Etl.Data.Export.Parquet;

/// <summary>
/// One column of a row group as it fills, fed one field of PostgreSQL's binary COPY at a time. A scalar is
/// one slot of its leaf (definition level 1 for a value, 0 for null). An array becomes a list: definition
/// 0 for a null list, 1 for an empty one, 2 for a null element and 3 for a value; repetition 0 starts a
/// row, 1 continues its list.
/// </summary>
internal sealed class ColumnBuffer(string name, bool isList, LeafColumn leaf)
{
    public const short Value = 1;
    public const short Element = 3;

    private const short NullRow = 0;
    private const short EmptyList = 1;
    private const short NullElement = 2;

    public long Bytes => leaf.Bytes;

    public void AddNull() => leaf.AddNull(NullRow, 0);

    public void Add(ReadOnlySpan<byte> field)
    {
        if (isList)
        {
            AddList(field);
        }
        else
        {
            leaf.Add(field, Value, 0);
        }
    }

    public void WriteTo(ColumnWriter writer) => leaf.WriteTo(writer);

    /// <summary>
    /// An array in PostgreSQL's binary format: dimensions, has-nulls flag and element type (4 bytes each),
    /// then size and lower bound per dimension, then each element as a length (-1: null) and its bytes.
    /// </summary>
    private void AddList(ReadOnlySpan<byte> array)
    {
        var dimensions = BinaryPrimitives.ReadInt32BigEndian(array);
        if (dimensions == 0)
        {
            leaf.AddNull(EmptyList, 0);
            return;
        }

        if (dimensions != 1)
        {
            throw new InvalidDataException($"column {name} holds an array of {dimensions} dimensions, which a Parquet list cannot hold; export a view whose arrays have one dimension (or unnest them)");
        }

        var count = BinaryPrimitives.ReadInt32BigEndian(array[12..]);
        var position = 20;
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(array[position..]);
            position += 4;
            var repetition = (short)(i == 0 ? 0 : 1);
            if (length < 0)
            {
                leaf.AddNull(NullElement, repetition);
                continue;
            }

            leaf.Add(array.Slice(position, length), Element, repetition);
            position += length;
        }
    }
}
