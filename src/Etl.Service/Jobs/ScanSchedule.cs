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
    /// every restart until the row lapses; a lock still held after that is a real fault and is thrown.
    /// </summary>
    /// <param name="lockTimeout">Hangfire storage's <c>DistributedLockTimeout</c>: the age at which an orphaned lock row lapses.</param>
    public static void Register(IRecurringJobManager recurringJobs, string cron, TimeSpan lockTimeout, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(recurringJobs);
        ArgumentNullException.ThrowIfNull(logger);
        // An orphaned row was taken before this process started, so once lockTimeout has passed here, no
        // orphan is left; each failed attempt has already waited (Hangfire's AddOrUpdate waits 15 s).
        var deadline = Stopwatch.StartNew();
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DistributedLockTimeoutException>(_ => deadline.Elapsed < lockTimeout),
                MaxRetryAttempts = int.MaxValue,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Constant,
                OnRetry = arguments =>
                {
                    Log.LockHeld(logger, ScanInboxJob.RecurringId, lockTimeout.TotalSeconds, deadline.Elapsed.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        pipeline.Execute(() => recurringJobs.AddOrUpdate<ScanInboxJob>(
            ScanInboxJob.RecurringId, job => job.RunAsync(CancellationToken.None), cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc }));
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The lock of recurring job '{Id}' is held, most likely left by a server that stopped while holding it; such a lock lapses {LockSeconds:0} s after it was taken. Waiting ({WaitedSeconds:0} s so far).")]
        public static partial void LockHeld(ILogger logger, string id, double lockSeconds, double waitedSeconds);
    }
}
