using System.Runtime.InteropServices;
using ParquetSharp;

namespace Etl.Data.Export.Parquet;

/// <summary>
/// A leaf of variable-length values (text as UTF-8, bytea): PostgreSQL's bytes are copied once into a
/// pinned buffer, and the native writer reads them there (a <see cref="ByteArray"/> is a pointer and a
/// length), so text is never decoded into .NET strings and encoded again.
/// </summary>
internal sealed class ByteArrayLeafColumn(bool repeated) : LeafColumn(repeated)
{
    // Pinned (on the pinned object heap): the pointers handed to the writer stay valid while it reads.
    private byte[] _data = GC.AllocateUninitializedArray<byte>(1 << 20, pinned: true);
    private int _size;
    private int[] _offsets = new int[4096];
    private int[] _lengths = new int[4096];
    private ByteArray[] _pointers = [];
    private int _count;

    protected override long ValueBytes => _size + _count * 8L;

    protected override void AddValue(ReadOnlySpan<byte> binary)
    {
        if (_size + binary.Length > _data.Length)
        {
            var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min(Array.MaxLength, Math.Max(_data.Length * 2L, _size + (long)binary.Length)), pinned: true);
            _data.AsSpan(0, _size).CopyTo(grown);
            _data = grown;
        }

        if (_count == _offsets.Length)
        {
            Array.Resize(ref _offsets, _count * 2);
            Array.Resize(ref _lengths, _count * 2);
        }

        binary.CopyTo(_data.AsSpan(_size));
        _offsets[_count] = _size;
        _lengths[_count] = binary.Length;
        _size += binary.Length;
        _count++;
    }

    protected override void WriteValues(ColumnWriter writer, int levels, ReadOnlySpan<short> definitions, ReadOnlySpan<short> repetitions)
    {
        if (_pointers.Length < _count)
        {
            _pointers = new ByteArray[_offsets.Length];
        }

        var start = Marshal.UnsafeAddrOfPinnedArrayElement(_data, 0);
        for (var i = 0; i < _count; i++)
        {
            _pointers[i] = new ByteArray(start + _offsets[i], _lengths[i]);
        }

        ((ColumnWriter<ByteArray>)writer).WriteBatch(levels, definitions, repetitions, _pointers.AsSpan(0, _count));
    }

    protected override void ClearValues()
    {
        _size = 0;
        _count = 0;
    }
}
