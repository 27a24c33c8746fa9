using System.Diagnostics;
using Etl.Data.Discovery;
using Etl.Data.Loading;
using Etl.Service.Inbox;
using Etl.Service.Status;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Etl.Service.Jobs;

/// <summary>
/// Looks at the inbox folders and enqueues load jobs for stable files whose content the warehouse does
/// not hold and no job carries yet. Files whose content is already loaded are moved where they belong
/// (healing a crash between a load's commit and its move). Runs on the schedule, at start-up, and when
/// the watcher sees files arrive; one scan at a time across all processes. With no new file, it drains
/// the report stores of what loads left to a later one that never came (a job that failed for good).
/// </summary>
public sealed partial class ScanInboxJob(
    InboxScanner scanner,
    WarehouseContents contents,
    FileMover mover,
    PendingFiles pending,
    QueuedLoads queued,
    WarehouseLoader loader,
    IBackgroundJobClient jobs,
    ActivityLog activity,
    ServiceOptions options,
    ILogger<ScanInboxJob> logger)
{
    public const string RecurringId = "scan-inbox";

    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [5, 15])]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var scan = scanner.Scan();
        var stored = await contents.FindAsync(scan.Ready.Select(file => file.ShaHex), cancellationToken).ConfigureAwait(false);
        var fresh = new List<DigestFile>();
        foreach (var file in scan.Ready)
        {
            if (stored.TryGetValue(file.ShaHex, out var content))
            {
                mover.Place(file.Path, content);
            }
            else
            {
                fresh.Add(file);
            }
        }

        // One path per content: the others are placed as already loaded by a later scan.
        var unique = fresh.DistinctBy(file => file.ShaHex, StringComparer.Ordinal).ToList();
        var jobCount = 0;
        var claimed = pending.Claim(unique.Select(file => file.ShaHex), claimable =>
        {
            var chunks = JobChunks.Split(unique.Where(file => claimable.Contains(file.ShaHex)), options.JobMegabytes * 1024L * 1024, options.JobFiles);
            foreach (var chunk in chunks)
            {
                jobs.Enqueue<LoadFilesJob>(job => job.RunAsync(chunk, CancellationToken.None));
            }

            jobCount = chunks.Count;
        });

        if (scan.StillChanging > 0)
        {
            // Look again once they have had time to settle, rather than at the next scheduled scan.
            jobs.Schedule<ScanInboxJob>(job => job.RunAsync(CancellationToken.None), options.StableFor);
        }

        activity.ScanFinished();
        ServiceMetrics.JobDuration.WithLabels("scan").Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        if (jobCount > 0 || scan.StillChanging > 0)
        {
            LogScan(scan.Ready.Count, claimed.Count, jobCount, scan.StillChanging);
        }
        else
        {
            // The last load of a backlog drains for the loads before it; if it failed for good, this does.
            await loader.DrainLeftBehindAsync(queued.AnyWaiting, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "scan: {Stable} stable files, {Enqueued} new enqueued in {Jobs} jobs, {Changing} still being written")]
    private partial void LogScan(int stable, int enqueued, int jobs, int changing);
}
