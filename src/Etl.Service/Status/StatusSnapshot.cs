namespace Etl.Service.Status;

/// <summary>Everything the status page shows, read at one moment.</summary>
public sealed record StatusSnapshot(
    WarehouseTotals Totals,
    IReadOnlyList<FileActivity> Recent,
    IReadOnlyList<RejectedFile> Rejected,
    QueueDepth Queue,
    DateTimeOffset? LastScan,
    IReadOnlyList<string> Inboxes,
    DateTimeOffset At)
{
    /// <summary>This process's loads under way, with their progress.</summary>
    public IReadOnlyList<(IReadOnlyList<string> Files, Etl.Data.Loading.LoadProgress? Progress)> Underway { get; init; } = [];
}
