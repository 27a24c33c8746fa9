using System.Buffers;
using System.Text;

namespace Etl.Core.Parsing;

/// <summary>
/// The whole-file facts a parser needs before it may stream a file (invalid UTF-8 or a NUL byte anywhere
/// rejects the whole file, so they must be known before the first entry is handed on), gathered from the
/// file's bytes as they are read, piece by piece, in memory that does not grow with the file. Pure: the
/// caller reads; a parser turns the facts into its own file rejection (<see cref="ISourceParser"/>).
/// </summary>
public sealed class ContentScan
{
    private readonly byte[] _head = new byte[2];
    private int _headLength;
    private byte[] _pending = [];
    private char[] _chars = [];
    private Decoder? _utf16;
    private bool _utf8Done;
    private bool _bomChecked;
    private long _byteNewlines;
    private long _utf8Newlines;
    private long _charNewlines;

    /// <summary>The content starts with a UTF-16 byte order mark (FF FE or FE FF); it is then decoded as UTF-16.</summary>
    public bool Utf16 { get; private set; }

    /// <summary>True when <see cref="Utf16"/> and the rest is not valid UTF-16.</summary>
    public bool Utf16Broken { get; private set; }

    /// <summary>The line of the first NUL byte (for UTF-16: NUL character), or null.</summary>
    public int? NulLine { get; private set; }

    /// <summary>The line of the first byte that is not valid UTF-8 (counting the bytes as UTF-8 whatever the BOM), or null.</summary>
    public int? InvalidUtf8Line { get; private set; }

    /// <summary>No text after the byte order mark.</summary>
    public bool IsEmpty => !HasChars;

    /// <summary>Text made only of whitespace (false when empty).</summary>
    public bool IsWhitespaceOnly => HasChars && !HasText;

    private bool HasChars { get; set; }

    private bool HasText { get; set; }

    /// <summary>The next bytes of the content, in order.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_headLength < 2)
        {
            var take = Math.Min(2 - _headLength, bytes.Length);
            bytes[..take].CopyTo(_head.AsSpan(_headLength));
            _headLength += take;
            if (_headLength == 2)
            {
                Utf16 = _head is [0xFF, 0xFE] or [0xFE, 0xFF];
                _utf16 = Utf16 ? new UnicodeEncoding(bigEndian: _head[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true).GetDecoder() : null;
                var head = _head.AsSpan(0, 2);
                ScanBytes(head, final: false, skip: Utf16 ? 2 : 0);
            }

            bytes = bytes[take..];
            if (_headLength < 2)
            {
                return;
            }
        }

        ScanBytes(bytes, final: false, skip: 0);
    }

    /// <summary>Call once after the last bytes: an incomplete sequence at the end is invalid.</summary>
    public void Complete()
    {
        if (_headLength < 2)
        {
            ScanBytes(_head.AsSpan(0, _headLength), final: true, skip: 0);
            _headLength = 2;
            return;
        }

        ScanBytes([], final: true, skip: 0);
    }

    private void ScanBytes(ReadOnlySpan<byte> bytes, bool final, int skip)
    {
        if (NulLine is null && !Utf16)
        {
            var nul = bytes.IndexOf((byte)0);
            if (nul >= 0)
            {
                NulLine = (int)(_byteNewlines + bytes[..nul].Count((byte)'\n') + 1);
            }
        }

        _byteNewlines += bytes.Count((byte)'\n');
        ValidateUtf8(bytes, final);
        if (Utf16)
        {
            DecodeUtf16(bytes[skip..], final);
        }
    }

    /// <summary>Validates UTF-8 (carrying an incomplete sequence over to the next piece) and, when not UTF-16, passes the text on.</summary>
    private void ValidateUtf8(ReadOnlySpan<byte> bytes, bool final)
    {
        if (_utf8Done)
        {
            return;
        }

        var input = bytes;
        if (_pending.Length > 0)
        {
            byte[] joined = [.. _pending, .. bytes];
            input = joined;
        }

        var chars = Chars(input.Length);
        var status = System.Text.Unicode.Utf8.ToUtf16(input, chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: final);
        if (!Utf16)
        {
            Text(chars[..written]);
        }

        if (status == OperationStatus.InvalidData || (final && status == OperationStatus.NeedMoreData))
        {
            InvalidUtf8Line = (int)(_utf8Newlines + input[..read].Count((byte)'\n') + 1);
            _utf8Done = true;
            _pending = [];
            return;
        }

        _utf8Newlines += input[..read].Count((byte)'\n');
        _pending = input[read..].ToArray();
    }

    private void DecodeUtf16(ReadOnlySpan<byte> bytes, bool final)
    {
        if (Utf16Broken)
        {
            return;
        }

        var chars = Chars(bytes.Length / 2 + 2);
        int written;
        try
        {
            written = _utf16!.GetChars(bytes, chars, flush: final);
        }
        catch (DecoderFallbackException)
        {
            Utf16Broken = true;
            return;
        }

        var text = chars[..written];
        if (NulLine is null)
        {
            var nul = text.IndexOf('\0');
            if (nul >= 0)
            {
                NulLine = (int)(_charNewlines + text[..nul].Count('\n') + 1);
            }
        }

        _charNewlines += text.Count('\n');
        Text(text);
    }

    private void Text(ReadOnlySpan<char> text)
    {
        if (!_bomChecked && !text.IsEmpty)
        {
            _bomChecked = true;
            if (text[0] == '\uFEFF')
            {
                text = text[1..];
            }
        }

        HasChars |= !text.IsEmpty;
        HasText = HasText || !text.IsWhiteSpace();
    }

    private Span<char> Chars(int length)
    {
        if (_chars.Length < length)
        {
            _chars = new char[Math.Max(length, 4096)];
        }

        return _chars;
    }
}
