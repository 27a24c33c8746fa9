using System.Globalization;
using Etl.Data;
using Etl.Data.Reporting;
using Etl.Service.Endpoints;
using Etl.Service.Inbox;
using Etl.Service.Jobs;
using Etl.Service.Security;
using Etl.Service.Status;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Prometheus;

namespace Etl.Service;

/// <summary>
/// The <c>etl serve</c> application: a Hangfire server on the warehouse's PostgreSQL (schema
/// <c>hangfire</c>), the inbox scan and watcher, and the status page, <c>/healthz</c>, <c>/metrics</c> and
/// the dashboard. The warehouse must exist and be migrated before <see cref="Build"/>.
/// </summary>
public static class ServiceHost
{
    /// <summary>The host stops within this; Hangfire gives running jobs most of it to commit or roll back.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(18);

    /// <summary>
    /// Hangfire's locks are rows; a holder that loses its connection (the database restarted, the process was
    /// killed) never deletes its row, and until it is this old nobody gets the lock: a job's state lock (a job
    /// stuck), the scheduler's (no retries enqueued), the scan's. The default (10 min) held a whole service up
    /// after a short outage. Every lock here is held for milliseconds, a scan's for the time it takes to hash new files.
    /// </summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(1);

    public static WebApplication Build(ServiceOptions options, string connectionString, IConfiguration configuration, int retryAttempts = 6, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        AccessGate.Validate(options);
        ScheduleCheck.Validate(options.Schedule);
        MetricsSetup.EnsureConfigured();
        foreach (var folder in options.Inbox)
        {
            Directory.CreateDirectory(folder);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "HH:mm:ss ";
        });

        // One line per file from the jobs; requests and SQL only when something is wrong (appsettings.json Logging:LogLevel can say otherwise).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Npgsql", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);

        var services = builder.Services;
        var server = ServerIdentity.ForThisProcess();
        services.AddSingleton(options);
        services.AddSingleton(server);
        services.AddSingleton(TimeProvider.System);
        services.AddWarehouse(WarehouseConfiguration(configuration, connectionString, retryAttempts, options));
        AddHangfire(services, options, server, connectionString);
        services.AddSingleton<InboxScanner>();
        services.AddSingleton<WarehouseContents>();
        services.AddSingleton<FileMover>();
        services.AddSingleton<PendingFiles>();
        services.AddSingleton<QueuedLoads>();
        services.AddSingleton<ActivityLog>();
        services.AddSingleton<LoadsUnderway>();
        services.AddSingleton<StatusQuery>();
        services.AddTransient<LoadFilesJob>();
        services.AddTransient<ScanInboxJob>();
        services.AddHostedService<InboxWatcher>();

        var app = builder.Build();
        try
        {
            Configure(app, options, cancellationToken);
            return app;
        }
        catch
        {
            // A start that fails (the scan's registration, say) must not leave the host's services behind:
            // its data sources, and the Hangfire storage, in a process (tests) that goes on.
            ((IDisposable)app).Dispose();
            throw;
        }
    }

    /// <summary>The endpoints, the dashboard and the scan's schedule of a built host.</summary>
    private static void Configure(WebApplication app, ServiceOptions options, CancellationToken cancellationToken)
    {
        // The warehouse was found (or started) and migrated by the caller: its connection string is configured,
        // so this completes at once, and the data source may be used from here on.
        app.Services.GetRequiredService<WarehouseConnection>().ResolveAsync(CancellationToken.None).GetAwaiter().GetResult();
        app.UseMiddleware<AccessGate>();
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new GateAuthorization()],
            AppPath = "/",
            DashboardTitle = "etl serve",
        });
        app.MapGet("/", async (StatusQuery status, CancellationToken cancellationToken) =>
            Results.Content(StatusPage.Render(await status.ReadAsync(cancellationToken).ConfigureAwait(false)), "text/html; charset=utf-8"));
        app.MapGet("/reports", Reports.RenderAsync);
        app.MapGet("/healthz", Health.CheckAsync);
        app.UseWhen(context => context.Request.Path == "/metrics", metrics => metrics.Use(async (context, next) =>
        {
            var queue = QueueDepth.Read(context.RequestServices.GetRequiredService<JobStorage>());
            ServiceMetrics.QueueDepth.WithLabels("enqueued").Set(queue.Enqueued);
            ServiceMetrics.QueueDepth.WithLabels("processing").Set(queue.Processing);
            ServiceMetrics.QueueDepth.WithLabels("scheduled").Set(queue.Scheduled);
            ServiceMetrics.QueueDepth.WithLabels("failed").Set(queue.Failed);
            await next(context).ConfigureAwait(false);
        }));
        app.MapMetrics("/metrics");

        // The schedule is cluster-wide (one recurring job per database); the first scan runs as soon as the
        // server starts, not at the next tick. Registered here rather than from a start callback, where a
        // failure would only be logged and the scan would never run.
        ScanSchedule.Register(
            app.Services.GetRequiredService<IRecurringJobManager>(), options.Schedule, LockTimeout, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ScanSchedule)), cancellationToken);
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ScanInboxJob>(job => job.RunAsync(CancellationToken.None));
    }

    /// <summary>
    /// The configuration <see cref="WarehouseServices.AddWarehouse"/> reads, with what the caller resolved on
    /// top: the warehouse found, the retry budget, and jobs cut to one loader batch each.
    /// </summary>
    private static IConfiguration WarehouseConfiguration(IConfiguration configuration, string connectionString, int retryAttempts, ServiceOptions options) =>
        new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Warehouse"] = connectionString,
                ["Retry:MaxAttempts"] = retryAttempts.ToString(CultureInfo.InvariantCulture),
                ["Loader:BatchBytes"] = (options.JobMegabytes * 1024L * 1024).ToString(CultureInfo.InvariantCulture),
                // The status page counts the papers while a job loads; it must not wait for a large job.
                ["Loader:SetKeysAside"] = "false",
            })
            .Build();

    private static void AddHangfire(IServiceCollection services, ServiceOptions options, ServerIdentity server, string connectionString)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,

            // Jobs enqueued by another process start in milliseconds (LISTEN/NOTIFY) instead of at the next 15 s poll.
            EnableLongPolling = true,

            // The warehouse was just migrated, so it is reachable: fail loudly rather than run a server that cannot work.
            AllowDegradedModeWithoutStorage = false,

            // A job whose worker died (or could not record its state while the database was away) is taken
            // over after this; a running job keeps extending it, so long jobs are not affected.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(1),

            DistributedLockTimeout = LockTimeout,
        };

        // Registered before AddHangfire, which then keeps it: no process-wide JobStorage.Current, so
        // several hosts (tests) can run in one process on different databases.
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions));
        services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer(hangfire =>
        {
            hangfire.ServerName = server.Name;
            hangfire.WorkerCount = options.Workers;
            hangfire.ShutdownTimeout = ShutdownTimeout - TimeSpan.FromSeconds(3);
            hangfire.StopTimeout = ShutdownTimeout - TimeSpan.FromSeconds(3);

            // Follow-up scans of files still being written are scheduled StableFor ahead: look for them often.
            hangfire.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
    }
}
