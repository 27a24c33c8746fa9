namespace Etl.Core.Parsing;

/// <summary>
/// The lines of a JSON-lines file, numbered from 1 across as many pieces of whole lines as the file comes in:
/// a UTF-8 byte order mark before the first line is not part of it, a line ends at its line feed (a carriage
/// return before it is part of the line ending), and blank lines are skipped but counted.
/// </summary>
internal sealed class JsonLines
{
    private int _number;

    /// <summary>The next line that is not blank, without its line ending; false when <paramref name="content"/> has none left.</summary>
    public bool NextNonBlank(ref ReadOnlySpan<byte> content, out int number, out ReadOnlySpan<byte> line)
    {
        if (_number == 0 && content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        while (!content.IsEmpty)
        {
            _number++;
            var end = content.IndexOf((byte)'\n');
            line = end < 0 ? content : content[..end];
            content = end < 0 ? [] : content[(end + 1)..];
            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            if (!line.Trim(" \t\r"u8).IsEmpty)
            {
                number = _number;
                return true;
            }
        }

        number = 0;
        line = default;
        return false;
    }
}
