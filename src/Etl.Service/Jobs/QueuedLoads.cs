using Etl.Data.Loading;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Logging;

namespace Etl.Service.Jobs;

/// <summary>
/// Whether a load waits to run after the one asking: a session waiting for the load lock, or a load job
/// enqueued in Hangfire's queues and not started yet. A load asks it under the load lock, at the point
/// where it would drain the report stores (<c>laterLoadDrains</c> of <c>WarehouseLoader.LoadAsync</c>):
/// a load still waiting then takes that lock after this one commits, so it can drain for both, and a
/// backlog cut into many jobs drains once, at its last job, as one <c>etl ingest</c> of the same files
/// does. A job started but not waiting for the lock is not counted: it may be past its own drain,
/// finishing its bookkeeping, and would never drain for this load.
/// </summary>
public sealed partial class QueuedLoads(JobStorage storage, WarehouseLoader loader, ILogger<QueuedLoads> logger)
{
    private const int Page = 500;

    public bool AnyWaiting()
    {
        try
        {
            return loader.AnotherLoadWaitsForTheLock() || AnyEnqueued();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Asked at the end of a load's work: failing here would throw that work away. Draining now is
            // always right; leaving the drain to a load that may not exist is not.
            LogUnknown(exception);
            return false;
        }
    }

    private bool AnyEnqueued()
    {
        var monitoring = storage.GetMonitoringApi();
        foreach (var queue in monitoring.Queues())
        {
            for (var from = 0; from < queue.Length; from += Page)
            {
                var jobs = monitoring.EnqueuedJobs(queue.Name, from, Page);
                // By the job's state: Hangfire.PostgreSql reports InEnqueuedState for a deleted job still in the queue.
                if (jobs.Exists(job => job.Value is { } waiting && waiting.State == EnqueuedState.StateName && waiting.Job?.Type == typeof(LoadFilesJob)))
                {
                    return true;
                }

                if (jobs.Count < Page)
                {
                    break;
                }
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not tell whether another load waits; this load drains the report stores itself")]
    private partial void LogUnknown(Exception exception);
}
