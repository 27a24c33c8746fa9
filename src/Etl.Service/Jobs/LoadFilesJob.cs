using System.Diagnostics;
using System.Security.Cryptography;
using Etl.Data.Loading;
using Etl.Service.Inbox;
using Etl.Service.Status;
using Hangfire;
using Microsoft.Extensions.Logging;
using Polly;
using Prometheus;

namespace Etl.Service.Jobs;

/// <summary>
/// Loads the files a scan found, with the loader <c>etl ingest</c> uses, then moves them to the archive
/// or quarantine. Reentrant: Hangfire may run it again (after a crash, a retry, a duplicate enqueue) and
/// the warehouse does not change the second time, because the loader claims each content once under its
/// lock. Transient database errors are retried inside the loader (Polly); anything else fails the job,
/// and Hangfire retries it a few times only, on top of those attempts.
/// </summary>
public sealed partial class LoadFilesJob(
    WarehouseLoader loader,
    WarehouseContents contents,
    FileMover mover,
    PendingFiles pending,
    QueuedLoads queued,
    ActivityLog activity,
    LoadsUnderway underway,
    ResiliencePipeline retry,
    TimeProvider clock,
    ILogger<LoadFilesJob> logger)
{
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [10, 30, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(InboxFile[] files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var started = Stopwatch.GetTimestamp();
        var present = new List<InboxFile>(files.Length);
        var handled = new List<FileActivity>(files.Length);
        foreach (var file in files)
        {
            if (await StillTheSameAsync(file, cancellationToken).ConfigureAwait(false))
            {
                present.Add(file);
            }
            else
            {
                // Moved by another process after loading, or rewritten: the next scan decides about what is there now.
                LogSkipped(file.Path);
                ServiceMetrics.Files.WithLabels("skipped").Inc();
            }
        }

        var outcomes = new List<FileOutcome>(present.Count);
        string[] paths = [.. present.Select(file => file.Path)];
        using (var load = paths.Length > 0 ? underway.Start(paths) : null)
        {
            // Even with no file left to load: a job before this one may have left its drain to it.
            await loader.LoadAsync(paths, outcomes.Add, load, queued.AnyWaiting, cancellationToken).ConfigureAwait(false);
        }

        // Everything below happens after the files' transactions committed.
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        // The bookkeeping after the commit retries transient errors too: failing the job here would only run it again.
        var stored = await retry.ExecuteAsync(
            async token => await contents.FindAsync(present.Select(file => file.Sha256), token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var shaByPath = present.ToDictionary(file => file.Path, file => file.Sha256, StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            var name = OutcomeName(outcome);
            LogFile(outcome.Path, name, outcome.Entries, outcome.Rejections.Count, seconds * 1000, outcome.Reason ?? string.Empty);
            ServiceMetrics.Files.WithLabels(name).Inc();
            ServiceMetrics.Entries.Inc(outcome.Entries);
            ServiceMetrics.RejectedEntries.Inc(outcome.Rejections.Count);
            handled.Add(new FileActivity(outcome.Path, name, outcome.Entries, outcome.Rejections.Count, seconds, present.Count, clock.GetUtcNow(), outcome.Reason));
            if (stored.TryGetValue(shaByPath[outcome.Path], out var content))
            {
                mover.Place(outcome.Path, content);
            }
        }

        retry.Execute(() =>
        {
            activity.Record(handled);
            pending.Release(files.Select(file => file.Sha256));
        });
        ServiceMetrics.JobDuration.WithLabels("load").Observe(seconds);
        ServiceMetrics.LastSuccessfulLoad.SetToCurrentTimeUtc();
    }

    public static string OutcomeName(FileOutcome outcome) => outcome?.Kind switch
    {
        FileOutcomeKind.Loaded => "loaded",
        FileOutcomeKind.LoadedWithRejections => "loaded_with_rejections",
        FileOutcomeKind.Rejected => "rejected",
        FileOutcomeKind.AlreadyLoaded => "already_loaded",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome?.Kind, "unknown file outcome"),
    };

    private static async Task<bool> StillTheSameAsync(InboxFile file, CancellationToken cancellationToken)
    {
        try
        {
            // Streamed: a snapshot can be gigabytes.
            await using var content = File.OpenRead(file.Path);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken).ConfigureAwait(false)) == file.Sha256;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{File} {Outcome}: {Entries} entries, {RejectedEntries} rejected entries, {DurationMs:0} ms {Reason}")]
    private partial void LogFile(string file, string outcome, int entries, int rejectedEntries, double durationMs, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{File} skipped: gone or changed since the scan saw it")]
    private partial void LogSkipped(string file);
}
