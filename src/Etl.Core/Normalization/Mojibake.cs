using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Etl.Core.Normalization;

/// <summary>
/// Repairs words whose UTF-8 bytes were once decoded with a legacy code page: re-encode the word with
/// Windows-1252 (then Mac Roman), decode the bytes strictly as UTF-8, and keep the result when that
/// succeeds and is shorter. <c>Am√©lie</c> becomes <c>Amélie</c>; <c>Ã©cole</c> becomes <c>école</c>.
/// </summary>
public static class Mojibake
{
    private static readonly CodePage Windows1252 = CodePage.Load(1252);
    private static readonly CodePage MacRoman = CodePage.Load(10000);

    /// <summary>Returns the repaired word, or the word unchanged when neither code page explains it.</summary>
    public static string RepairWord(ReadOnlySpan<char> word)
    {
        if (!Ascii.IsValid(word))
        {
            if (TryRepair(word, Windows1252, out var repaired) || TryRepair(word, MacRoman, out repaired))
            {
                return repaired;
            }
        }

        return word.ToString();
    }

    private static bool TryRepair(ReadOnlySpan<char> word, CodePage codePage, out string repaired)
    {
        repaired = string.Empty;
        var bytes = ArrayPool<byte>.Shared.Rent(word.Length);
        var chars = ArrayPool<char>.Shared.Rent(word.Length);
        try
        {
            for (var i = 0; i < word.Length; i++)
            {
                if (!codePage.TryEncode(word[i], out bytes[i]))
                {
                    return false;
                }
            }

            var status = Utf8.ToUtf16(bytes.AsSpan(0, word.Length), chars, out _, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done || written >= word.Length)
            {
                return false;
            }

            repaired = new string(chars, 0, written);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>A single-byte code page as a char-to-byte table, so encoding never throws.</summary>
    private sealed class CodePage
    {
        private readonly Dictionary<char, byte> _bytes = [];

        public static CodePage Load(int codePage)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var encoding = Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
            var table = new CodePage();
            for (var b = 0; b < 256; b++)
            {
                var decoded = encoding.GetString([(byte)b]);
                if (decoded.Length == 1 && decoded[0] != '\uFFFD')
                {
                    table._bytes.TryAdd(decoded[0], (byte)b);
                }
            }

            return table;
        }

        public bool TryEncode(char c, out byte b) => _bytes.TryGetValue(c, out b);
    }
}
