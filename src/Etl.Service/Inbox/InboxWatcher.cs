using Etl.Service.Jobs;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Etl.Service.Inbox;

/// <summary>
/// Watches the inbox folders and enqueues a scan as soon as arriving files have settled (no change for
/// <see cref="ServiceOptions.StableFor"/>), so a dropped file loads in about a second instead of at the
/// next scheduled scan. Events only trigger scans: the scan decides what to load, so a missed or
/// duplicated event (watchers overflow, editors save twice) changes nothing but timing.
/// </summary>
public sealed partial class InboxWatcher(ServiceOptions options, IBackgroundJobClient jobs, TimeProvider clock, ILogger<InboxWatcher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private long _lastEventTicks;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var excluded = new[] { options.Archive, options.Quarantine }.OfType<string>().ToArray();
        var watchers = options.Inbox.Select(folder => Watch(folder, excluded)).ToList();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _signal.WaitAsync(stoppingToken).ConfigureAwait(false);
                TimeSpan quiet;
                while ((quiet = options.StableFor - TimeSpan.FromTicks(clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastEventTicks))) > TimeSpan.Zero)
                {
                    await Task.Delay(quiet + TimeSpan.FromMilliseconds(50), stoppingToken).ConfigureAwait(false);
                }

                try
                {
                    jobs.Enqueue<ScanInboxJob>(job => job.RunAsync(CancellationToken.None));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database is away: the scheduled scan picks the files up once it is back.
                    LogEnqueueFailed(exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            watchers.ForEach(watcher => watcher.Dispose());
        }
    }

    public override void Dispose()
    {
        _signal.Dispose();
        base.Dispose();
    }

    private FileSystemWatcher Watch(string folder, string[] excluded)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler changed = (_, e) =>
        {
            if (e.ChangeType == WatcherChangeTypes.Deleted || !(Directory.Exists(e.FullPath) || InboxPaths.IsCandidate(e.FullPath, excluded)))
            {
                return;
            }

            Interlocked.Exchange(ref _lastEventTicks, clock.GetUtcNow().UtcTicks);
            if (_signal.CurrentCount == 0)
            {
                try
                {
                    _signal.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Another event released it first.
                }
            }
        };
        watcher.Created += changed;
        watcher.Changed += changed;
        watcher.Renamed += (sender, e) => changed(sender, e);
        watcher.Error += (_, e) =>
        {
            // The kernel's event buffer overflowed: some files may be unseen, so scan everything.
            LogWatcherError(folder, e.GetException());
            changed(watcher, new FileSystemEventArgs(WatcherChangeTypes.Created, folder, null));
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not enqueue an inbox scan; the scheduled scan will pick the files up")]
    private partial void LogEnqueueFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "watcher on {Folder} lost events; scanning it all")]
    private partial void LogWatcherError(string folder, Exception exception);
}
