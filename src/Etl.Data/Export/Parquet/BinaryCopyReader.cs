using System.Buffers.Binary;

namespace Etl.Data.Export.Parquet;

/// <summary>
/// Reads PostgreSQL's binary COPY format (<c>COPY … TO STDOUT (FORMAT BINARY)</c>) from a stream: a
/// signature and header, then per row a field count and per field a length (-1: null) and its bytes, and a
/// field count of -1 at the end. Call <see cref="Ensure"/> before each read of the buffer, which grows to
/// the largest field. Synchronous: it runs on a thread of its own (<see cref="ParquetTableWriter"/>), where
/// blocking reads cost less than an asynchronous continuation for each row the server sends.
/// </summary>
internal sealed class BinaryCopyReader(Stream stream)
{
    // "PGCOPY\n\xff\r\n\0"
    private static readonly byte[] Signature = [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00];

    private const int ReadAhead = 256 << 10;

    private byte[] _buffer = new byte[1 << 20];
    private int _position;
    private int _end;

    /// <summary>Reads the header; after it, rows.</summary>
    public void ReadHeader()
    {
        Ensure(Signature.Length + 8);
        if (!_buffer.AsSpan(_position, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("the COPY did not start with PostgreSQL's binary COPY signature");
        }

        _position += Signature.Length + 4;
        var extension = ReadInt32();
        Ensure(extension);
        _position += extension;
    }

    /// <summary>Makes sure the next <paramref name="count"/> bytes are buffered.</summary>
    public void Ensure(int count)
    {
        if (_end - _position < count)
        {
            Fill(count);
        }
    }

    public short ReadInt16()
    {
        var value = BinaryPrimitives.ReadInt16BigEndian(_buffer.AsSpan(_position));
        _position += 2;
        return value;
    }

    public int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_position));
        _position += 4;
        return value;
    }

    /// <summary>The next <paramref name="count"/> bytes, valid until the next <see cref="Ensure"/>.</summary>
    public ReadOnlySpan<byte> Take(int count)
    {
        var value = _buffer.AsSpan(_position, count);
        _position += count;
        return value;
    }

    /// <summary>After the end marker: reads the stream to its end, so the COPY completes on the connection.</summary>
    public void ReadToEnd()
    {
        while (stream.Read(_buffer) > 0)
        {
        }
    }

    private void Fill(int count)
    {
        var buffered = _end - _position;
        if (count > _buffer.Length)
        {
            var grown = new byte[Math.Max(count, _buffer.Length * 2)];
            _buffer.AsSpan(_position, buffered).CopyTo(grown);
            _buffer = grown;
        }
        else
        {
            _buffer.AsSpan(_position, buffered).CopyTo(_buffer);
        }

        _position = 0;
        _end = buffered;

        // A read returns at most one of the server's messages (one row), so the buffer is filled well
        // beyond what was asked for: the fields of the next rows are then read without a call here.
        var wanted = Math.Max(count, Math.Min(_buffer.Length, ReadAhead));
        while (_end < wanted)
        {
            var read = stream.Read(_buffer.AsSpan(_end));
            if (read == 0)
            {
                if (_end < count)
                {
                    throw new EndOfStreamException("the COPY ended in the middle of a row");
                }

                return;
            }

            _end += read;
        }
    }
}
