namespace Etl.Service.Status;

public sealed record QueueDepth(long Enqueued, long Processing, long Scheduled, long Failed)
{
    public static QueueDepth Read(Hangfire.JobStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var statistics = storage.GetMonitoringApi().GetStatistics();
        return new QueueDepth(statistics.Enqueued, statistics.Processing, statistics.Scheduled, statistics.Failed);
    }
}
