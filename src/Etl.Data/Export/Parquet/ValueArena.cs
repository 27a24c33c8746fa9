using System.Runtime.InteropServices;

namespace Etl.Data.Export.Parquet;

/// <summary>
/// The variable-length values (text as UTF-8, bytea) of one row group, every column's together, in one
/// pinned buffer that the native writer reads in place (<see cref="ByteArrayLeafColumn"/> keeps where each
/// value lies). A row group is closed once its fields reach the bound, so the buffer is made that size once
/// and reused by every row group and every file of an export: it grows only for a row larger than its slack.
/// </summary>
internal sealed class ValueArena(long rowGroupBytes)
{
    // Room for the row that crosses the bound.
    private const int Slack = 1 << 20;

    // Pinned (on the pinned object heap): the pointers handed to the writer stay valid while it reads.
    private byte[] _bytes = GC.AllocateUninitializedArray<byte>((int)Math.Min(Array.MaxLength, rowGroupBytes + Slack), pinned: true);

    public int Size { get; private set; }

    /// <summary>Where the buffer starts; valid until the next <see cref="Append"/>, which may move it.</summary>
    public IntPtr Start => Marshal.UnsafeAddrOfPinnedArrayElement(_bytes, 0);

    /// <returns>The value's offset in the buffer.</returns>
    public int Append(ReadOnlySpan<byte> value)
    {
        if (Size + value.Length > _bytes.Length)
        {
            var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min(Array.MaxLength, Math.Max(_bytes.Length * 2L, Size + (long)value.Length)), pinned: true);
            _bytes.AsSpan(0, Size).CopyTo(grown);
            _bytes = grown;
        }

        var offset = Size;
        value.CopyTo(_bytes.AsSpan(offset));
        Size += value.Length;
        return offset;
    }

    /// <summary>Empties the buffer for the next row group (its values are written).</summary>
    public void Clear() => Size = 0;
}
