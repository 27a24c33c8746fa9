namespace Etl.Core.Parsing;

/// <summary>The lines of one entry: its <c>###</c> heading and everything up to the next heading.</summary>
internal sealed class EntryBlock
{
    public int HeadingLine { get; private set; }

    public string Heading { get; private set; } = string.Empty;

    public List<(int Number, string Text)> Body { get; } = [];

    public void Start(int line, string heading)
    {
        HeadingLine = line;
        Heading = heading;
        Body.Clear();
    }
}
