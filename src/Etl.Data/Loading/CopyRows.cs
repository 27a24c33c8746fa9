using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;

namespace Etl.Data.Loading;

/// <summary>
/// The rows of one <c>COPY … FROM STDIN (FORMAT BINARY)</c>, encoded here in PostgreSQL's binary COPY
/// format and sent through Npgsql's raw binary COPY.
/// <para>
/// Why not <see cref="NpgsqlBinaryImporter"/>: it encodes each value while the COPY is open on the
/// server, so the statement lasts as long as the client takes to produce its rows. On the benchmark's
/// daily file, the 100 evidence rows kept the COPY open 7 ms, 4-6 ms of it waiting for the client (the
/// same rows copied from a server-side file took 2-3 ms). Rows built here first reach the server in one
/// write (<see cref="CopyAsync"/>): that COPY now takes 2.5 ms, and the loader's four other COPYs of a
/// daily load lost two thirds of their time too.
/// </para>
/// <para>
/// Rows too many to hold (a streamed file) go to a COPY opened first, in blocks of
/// <see cref="BlockBytes"/> as they are written (<see cref="StreamAsync"/>). Either way, as with the
/// importer's <c>Complete()</c>, the rows are only in the table once the COPY is ended, and a failure while
/// they are written cancels it.
/// </para>
/// Each Write appends one column of the current row, in the order of the command's column list; null
/// writes SQL NULL. The CLR type chooses the PostgreSQL type, and only these are needed: text, integer,
/// bigint, timestamptz (<see cref="DateTime"/> in UTC), date, bytea and text[].
/// </summary>
internal sealed class CopyRows
{
    /// <summary>
    /// A streamed COPY receives its rows in blocks of about this size: small enough that the server
    /// inserts one block while the parser produces the next (a write blocks until the socket takes it),
    /// large enough to be few writes.
    /// </summary>
    public const int BlockBytes = 64 << 10;

    // "PGCOPY\n\377\r\n\0", then flags and header extension length (both 0): see the COPY reference.
    private static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private const int TextOid = 25;
    private const int Int4Oid = 23;
    private const int TimestamptzOid = 1184;

    // PostgreSQL counts dates and timestamps from 2000-01-01 UTC.
    private static readonly long EpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly int EpochDay = new DateOnly(2000, 1, 1).DayNumber;

    // Strict, as Npgsql's: a string that is not valid UTF-16 fails here rather than reaching the server altered.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly string _command;
    private NpgsqlRawCopyStream? _open;
    private long _rows;

    /// <param name="command">The <c>COPY … FROM STDIN (FORMAT BINARY)</c> the rows are for.</param>
    public CopyRows(string command)
    {
        _command = command;
        Reset();
    }

    /// <summary>Starts a row of <paramref name="columns"/> values (as many Writes must follow).</summary>
    public void StartRow(short columns)
    {
        if (_open is not null && _buffer.WrittenCount >= BlockBytes)
        {
            // Synchronous like the parser that calls this for a streamed file; a whole block per write.
            _open.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }

        BinaryPrimitives.WriteInt16BigEndian(_buffer.GetSpan(2), columns);
        _buffer.Advance(2);
        _rows++;
    }

    public void Write(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        var span = _buffer.GetSpan(4 + Utf8.GetMaxByteCount(value.Length));
        var length = Utf8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        _buffer.Advance(4 + length);
    }

    public void Write(int? value)
    {
        if (value is not { } number)
        {
            WriteNull();
            return;
        }

        var span = _buffer.GetSpan(8);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], number);
        _buffer.Advance(8);
    }

    public void Write(long? value)
    {
        if (value is not { } number)
        {
            WriteNull();
            return;
        }

        var span = _buffer.GetSpan(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], number);
        _buffer.Advance(12);
    }

    /// <summary>A timestamptz: microseconds since 2000-01-01 UTC; as in Npgsql, a fraction of a microsecond is dropped (toward 2000).</summary>
    public void Write(DateTime? value)
    {
        if (value is not { } time)
        {
            WriteNull();
            return;
        }

        if (time.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException($"a timestamptz must be a UTC DateTime, not Kind={time.Kind} ({time:O}): convert it where it is parsed", nameof(value));
        }

        Write((long?)((time.Ticks - EpochTicks) / TimeSpan.TicksPerMicrosecond));
    }

    /// <summary>A date: days since 2000-01-01.</summary>
    public void Write(DateOnly? value)
    {
        if (value is not { } day)
        {
            WriteNull();
            return;
        }

        Write((int?)(day.DayNumber - EpochDay));
    }

    /// <summary>A bytea.</summary>
    public void Write(byte[]? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        var span = _buffer.GetSpan(4 + value.Length);
        BinaryPrimitives.WriteInt32BigEndian(span, value.Length);
        value.CopyTo(span[4..]);
        _buffer.Advance(4 + value.Length);
    }

    /// <summary>A one-dimensional text[] (lower bound 1); its elements may not be null.</summary>
    public void Write(IReadOnlyList<string>? value) =>
        WriteArray(value, TextOid, hasNulls: false, static (rows, element) =>
            rows.Write(element ?? throw new ArgumentException("a text[] written by COPY may not contain null elements", nameof(value))));

    /// <summary>A one-dimensional integer[] (lower bound 1).</summary>
    public void Write(IReadOnlyList<int>? value) => WriteArray(value, Int4Oid, hasNulls: false, static (rows, element) => rows.Write(element));

    /// <summary>A one-dimensional timestamptz[] (lower bound 1) whose elements may be null.</summary>
    public void Write(IReadOnlyList<DateTime?>? value) =>
        WriteArray(value, TimestamptzOid, hasNulls: value?.Contains(null) == true, static (rows, element) => rows.Write(element));

    private void WriteArray<T>(IReadOnlyList<T>? value, int elementOid, bool hasNulls, Action<CopyRows, T> writeElement)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        // The array's length prefix is known once its elements are written: reserve it, fill it in after.
        var start = _buffer.WrittenCount;
        var header = _buffer.GetSpan(value.Count == 0 ? 16 : 24);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], value.Count == 0 ? 0 : 1); // dimensions
        BinaryPrimitives.WriteInt32BigEndian(header[8..], hasNulls ? 1 : 0);
        BinaryPrimitives.WriteInt32BigEndian(header[12..], elementOid);
        if (value.Count > 0)
        {
            BinaryPrimitives.WriteInt32BigEndian(header[16..], value.Count);
            BinaryPrimitives.WriteInt32BigEndian(header[20..], 1);
        }

        _buffer.Advance(value.Count == 0 ? 16 : 24);
        foreach (var element in value)
        {
            writeElement(this, element);
        }

        // ArrayBufferWriter keeps what was written in one array, so the reserved prefix is still there to fill in.
        var written = MemoryMarshal.AsMemory(_buffer.WrittenMemory).Span;
        BinaryPrimitives.WriteInt32BigEndian(written[start..], _buffer.WrittenCount - start - 4);
    }

    public void WriteNull()
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.GetSpan(4), -1);
        _buffer.Advance(4);
    }

    /// <summary>
    /// For rows too many to hold (a streamed file): opens the COPY, then <paramref name="produce"/> writes
    /// the rows, which go to the server in blocks as they are written, and the COPY ends when it returns.
    /// If it throws, the COPY is cancelled (the caller's transaction must roll back) and the exception
    /// goes on unchanged.
    /// </summary>
    /// <returns>What <paramref name="produce"/> returned.</returns>
    public static async Task<T> StreamAsync<T>(NpgsqlConnection connection, string command, Func<CopyRows, T> produce, CancellationToken cancellationToken)
    {
        var rows = new CopyRows(command);
        rows._open = await connection.BeginRawBinaryCopyAsync(command, cancellationToken).ConfigureAwait(false);
        T result;
        try
        {
            result = produce(rows);
        }
        catch
        {
            // Not a partial row sent as the end of the COPY: the server discards all of it.
            await using var open = rows._open;
            await open.CancelAsync().ConfigureAwait(false);
            throw;
        }

        await rows.CopyAsync(connection, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Sends the rows written so far in one COPY (the rest of them, within <see cref="StreamAsync"/>) and
    /// ends it: only now are they in the table. Without rows (and not streamed) no COPY is started. The
    /// instance is then empty, ready for another COPY.
    /// </summary>
    /// <returns>The number of rows copied.</returns>
    public async Task<long> CopyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (_open is null && _rows == 0)
        {
            // Nothing to send: a COPY still costs the server a round trip to the client (0.5 ms of a
            // daily load's database time each, for its usually empty rejections and compact versions).
            return 0;
        }

        BinaryPrimitives.WriteInt16BigEndian(_buffer.GetSpan(2), -1);
        _buffer.Advance(2);
        var copy = _open ?? await connection.BeginRawBinaryCopyAsync(_command, cancellationToken).ConfigureAwait(false);
        _open = null;
        await using (copy.ConfigureAwait(false))
        {
            // Unless streamed: header, rows and trailer in one write, so the statement starts with all its rows at hand.
            await copy.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }

        var rows = _rows;
        Reset();
        return rows;
    }

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        Header.CopyTo(_buffer.GetSpan(Header.Length));
        _buffer.Advance(Header.Length);
        _rows = 0;
    }
}
