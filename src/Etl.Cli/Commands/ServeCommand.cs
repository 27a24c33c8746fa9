using Etl.Service;
using Etl.Service.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;

namespace Etl.Cli.Commands;

/// <summary>
/// <c>etl serve --inbox DIR</c>: find (or start) the warehouse and migrate it as <c>etl ingest</c> does,
/// then run the ingestion service (<see cref="ServiceHost"/>) until Ctrl+C or SIGTERM.
/// </summary>
internal static class ServeCommand
{
    public static readonly string[] ValuedOptions = ["--inbox", "--urls", "--workers", "--schedule", "--archive", "--quarantine"];

    public static Task<int> RunAsync(CliArguments args, WarehouseOptions warehouse, IConfiguration configuration, CancellationToken cancellationToken)
    {
        args.NoPositional("serve");

        // appsettings.json and environment variables (Service:…), then the command line.
        var options = configuration.GetSection(ServiceOptions.Section).Get<ServiceOptions>() ?? new ServiceOptions();
        if (args.Values("--inbox") is { Count: > 0 } inboxes)
        {
            options.Inbox.Clear();
            foreach (var inbox in inboxes)
            {
                options.Inbox.Add(inbox);
            }
        }

        options.Urls = args.Value("--urls") ?? options.Urls;
        options.Workers = args.Int("--workers", options.Workers);
        options.Schedule = args.Value("--schedule") ?? options.Schedule;
        options.Archive = args.Value("--archive") ?? options.Archive;
        options.Quarantine = args.Value("--quarantine") ?? options.Quarantine;
        if (options.Inbox.Count == 0)
        {
            throw new UsageException("serve needs an inbox: --inbox DIR (repeatable), or Service:Inbox in appsettings.json (environment Service__Inbox__0)");
        }

        try
        {
            AccessGate.Validate(options);
        }
        catch (InvalidOperationException exception)
        {
            throw new UsageException(exception.Message);
        }

        return ServeAsync(options, warehouse, configuration, cancellationToken);
    }

    public static async Task<int> ServeAsync(ServiceOptions options, WarehouseOptions warehouse, IConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var inboxes = options.Inbox.Select(Path.GetFullPath).ToList();
        options.Inbox.Clear();
        inboxes.ForEach(options.Inbox.Add);
        options.Archive = options.Archive is { Length: > 0 } archive ? Path.GetFullPath(archive) : null;
        options.Quarantine = options.Quarantine is { Length: > 0 } quarantine ? Path.GetFullPath(quarantine) : null;

        var (connectionString, _) = await WarehouseConnection.PrepareAsync(warehouse, Console.Out, cancellationToken).ConfigureAwait(false);
        await using var app = ServiceHost.Build(options, connectionString, configuration, warehouse.RetryAttempts);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (var url in app.Urls)
        {
            Console.WriteLine($"Status page {url}/  ·  dashboard {url}/hangfire  ·  metrics {url}/metrics  ·  health {url}/healthz");
        }

        Console.WriteLine($"Watching {string.Join(", ", options.Inbox)}; stop with Ctrl+C or SIGTERM (running batches commit or roll back).");
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
