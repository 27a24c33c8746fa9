using System.Diagnostics;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Etl.Service.Jobs;

/// <summary>
/// Registers the recurring inbox scan (one per database, whichever server registers it last) at start-up.
/// </summary>
public static partial class ScanSchedule
{
    /// <summary>
    /// A server killed while it held the recurring job's lock (registering the scan, or triggering it) leaves
    /// the lock's row behind, and nobody gets the lock until the row is <paramref name="lockTimeout"/> old.
    /// Registration waits that long, so a service restarted right after a crash starts instead of failing
    /// every restart until the row lapses. A lock still held after that was taken during the wait (a live
    /// server, another crash), or Hangfire could not write its row at all: the start fails with its error.
    /// </summary>
    /// <param name="lockTimeout">Hangfire storage's <c>DistributedLockTimeout</c>: the age at which an orphaned lock row lapses.</param>
    public static void Register(IRecurringJobManager recurringJobs, string cron, TimeSpan lockTimeout, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recurringJobs);
        ArgumentNullException.ThrowIfNull(logger);

        // An orphaned row was written before this process started, by this host's clock (or another
        // server's, if their clocks agree): once lockTimeout has passed here, Hangfire's acquire loop
        // deletes it. Each failed attempt has already waited (Hangfire's AddOrUpdate waits 15 s).
        var waited = Stopwatch.StartNew();
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DistributedLockTimeoutException>(_ => waited.Elapsed < lockTimeout),
                MaxRetryAttempts = int.MaxValue,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Constant,
                OnRetry = _ =>
                {
                    LogLockHeld(logger, ScanInboxJob.RecurringId, lockTimeout.TotalSeconds, waited.Elapsed.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        pipeline.Execute(
            _ => recurringJobs.AddOrUpdate<ScanInboxJob>(
                ScanInboxJob.RecurringId, job => job.RunAsync(CancellationToken.None), cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc }),
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "recurring job '{Id}': its lock is held, most likely left by a server that stopped while holding it; such a lock lapses {LockSeconds:0} s after it was taken; waiting ({WaitedSeconds:0} s so far)")]
    private static partial void LogLockHeld(ILogger logger, string id, double lockSeconds, double waitedSeconds);
}
