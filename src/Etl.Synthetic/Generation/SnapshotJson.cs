using System.Text;

namespace Etl.Core.Generation;

/// <summary>
/// JSON text as Cornell's <c>arxiv-metadata-oai-snapshot.json</c> writes it: no spaces between tokens, every
/// non-ASCII character as a lowercase <c>\uXXXX</c> escape (so a line is pure ASCII and its byte count is its length),
/// and the metadata's own hard line breaks: titles, author lists and comments wrapped before 72 columns with
/// <c>\n  </c>, abstracts indented by two spaces, wrapped before 80 columns with <c>\n</c> and ending in <c>\n</c>.
/// Written by hand rather than with <see cref="System.Text.Json.Utf8JsonWriter"/>, whose escapes are uppercase and
/// which leaves non-ASCII letters alone under the relaxed encoder: the snapshot's bytes are what tests hash.
/// </summary>
internal static class SnapshotJson
{
    /// <summary>The widest line of a wrapped title, author list or comment in the real snapshot.</summary>
    public const int FieldWidth = 72;

    /// <summary>The widest line of a wrapped abstract (the two-space indent included).</summary>
    public const int AbstractWidth = 79;

    private const string Hex = "0123456789abcdef";

    /// <summary><c>"name":</c></summary>
    public static StringBuilder Name(this StringBuilder line, string name) => line.Append('"').Append(name).Append("\":");

    /// <summary>A JSON string, or <c>null</c>.</summary>
    public static StringBuilder String(this StringBuilder line, string? value)
    {
        if (value is null)
        {
            return line.Append("null");
        }

        line.Append('"');
        Escape(line, value);
        return line.Append('"');
    }

    /// <summary>A JSON string holding <paramref name="value"/> wrapped as titles, author lists and comments are; <c>null</c> for null.</summary>
    public static StringBuilder Wrapped(this StringBuilder line, string? value)
    {
        if (value is null)
        {
            return line.Append("null");
        }

        line.Append('"');
        AppendWrapped(line, value, FieldWidth, 0, "\\n  ", 2);
        return line.Append('"');
    }

    /// <summary>A JSON string holding an abstract: two leading spaces, wrapped lines, a final line break.</summary>
    public static StringBuilder Abstract(this StringBuilder line, string value)
    {
        line.Append("\"  ");
        AppendWrapped(line, value, AbstractWidth, 2, "\\n", 0);
        return line.Append("\\n\"");
    }

    /// <summary>
    /// Greedy wrapping on single spaces: a line breaks before a word that would pass <paramref name="width"/>.
    /// Runs of spaces are kept (an empty word is a second space), since a doubled space in a name is part of how it is spelled.
    /// </summary>
    private static void AppendWrapped(StringBuilder line, string text, int width, int column, string lineBreak, int indent)
    {
        var first = true;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf(' ', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var word = text.AsSpan(start, end - start);
            if (!first && word.Length > 0 && column + 1 + word.Length > width)
            {
                line.Append(lineBreak);
                column = indent;
            }
            else if (!first)
            {
                line.Append(' ');
                column++;
            }

            Escape(line, word);
            column += word.Length;
            first = false;
            start = end + 1;
        }
    }

    private static void Escape(StringBuilder line, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    line.Append("\\\"");
                    break;
                case '\\':
                    line.Append("\\\\");
                    break;
                case '\n':
                    line.Append("\\n");
                    break;
                case '\r':
                    line.Append("\\r");
                    break;
                case '\t':
                    line.Append("\\t");
                    break;
                case < ' ' or >= '\u007f':
                    line.Append("\\u").Append(Hex[c >> 12]).Append(Hex[(c >> 8) & 0xF]).Append(Hex[(c >> 4) & 0xF]).Append(Hex[c & 0xF]);
                    break;
                default:
                    line.Append(c);
                    break;
            }
        }
    }
}
