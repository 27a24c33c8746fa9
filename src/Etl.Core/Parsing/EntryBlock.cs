namespace Etl.Core.Parsing;

/// <summary>
/// The lines of one entry: its <c>###</c> heading and everything up to the next heading, as slices of
/// the file's text (no string per line: this is the parser's hot path).
/// </summary>
internal sealed class EntryBlock
{
    public int HeadingLine { get; private set; }

    public ReadOnlyMemory<char> Heading { get; private set; }

    public List<(int Number, ReadOnlyMemory<char> Text)> Body { get; } = [];

    public void Start(int line, ReadOnlyMemory<char> heading)
    {
        HeadingLine = line;
        Heading = heading;
        Body.Clear();
    }
}
