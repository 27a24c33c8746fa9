namespace Etl.Service.Inbox;

/// <summary>Where a handled file goes: its new path, and for a quarantined file the reason written beside it.</summary>
public sealed record Placement(string Destination, string? Reason)
{
    public string ReasonFile => Destination + ".reason.txt";
}
