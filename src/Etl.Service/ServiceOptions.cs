namespace Etl.Service;

/// <summary>
/// What <c>etl serve</c> watches and where it puts files, bound from the <c>Service</c> section of the
/// configuration (appsettings.json, <c>Service__Inbox__0</c>-style environment variables) and overridden by
/// the command line. Every process that shares a warehouse must use the same inbox, archive and quarantine
/// folders: any process may run any job.
/// </summary>
public sealed class ServiceOptions
{
    public const string Section = "Service";

    /// <summary>Folders where digests and listings arrive (walked recursively for every source format's extensions).</summary>
    public IList<string> Inbox { get; init; } = [];

    /// <summary>Where the status page, dashboard and metrics listen. Loopback only unless credentials are set.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Hangfire workers in this process. Loads serialize on the warehouse lock, so more mainly helps parsing overlap.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>Cron of the recurring inbox scan (five fields, or six with seconds); the watcher covers the time between.</summary>
    public string Schedule { get; set; } = "* * * * *";

    /// <summary>Loaded files move here (<c>category/date/name</c>) after their transaction commits; unset: they stay.</summary>
    public string? Archive { get; set; }

    /// <summary>Files rejected whole move here with a <c>name.reason.txt</c> beside them; unset: they stay.</summary>
    public string? Quarantine { get; set; }

    /// <summary>A file is picked up once its size and modification time have not changed for this long.</summary>
    public TimeSpan StableFor { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A backfill is cut into jobs of about this many megabytes (the loader's batch size by default), so a
    /// job is one transaction and the service runs at <c>etl ingest</c>'s speed.
    /// </summary>
    public int JobMegabytes { get; set; } = Etl.Data.Loading.LoaderOptions.DefaultBatchMegabytes;

    /// <summary>Upper bound on files per job, so one job never carries an unwieldy argument list.</summary>
    public int JobFiles { get; set; } = 5_000;

    /// <summary>
    /// A file enqueued this long ago whose job never finished (it failed all its retries, or its process
    /// died) may be enqueued again by a scan: nothing stays stuck.
    /// </summary>
    public TimeSpan PendingExpiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary><c>Service:AuthUser</c>; with a password, required from any client that is not on this machine.</summary>
    public string? AuthUser { get; set; }

    /// <summary><c>Service:AuthPassword</c>.</summary>
    public string? AuthPassword { get; set; }
}
