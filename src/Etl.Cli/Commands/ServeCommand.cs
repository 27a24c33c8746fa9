using System.CommandLine;
using Etl.Data;
using Etl.Data.Resilience;
using Etl.Service;
using Etl.Service.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Etl.Cli.Commands;

/// <summary>
/// <c>etl serve --inbox DIR</c>: find (or start) the warehouse and migrate it as <c>etl ingest</c> does,
/// then run the ingestion service (<see cref="ServiceHost"/>) until Ctrl+C or SIGTERM.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var inbox = new Option<string[]>("--inbox") { Description = "A folder where digests arrive (repeatable; also Service:Inbox)", HelpName = "DIR" };
        var urls = new Option<string>("--urls") { Description = "Where the status page, dashboard and metrics listen (default http://127.0.0.1:5080; also Service:Urls)", HelpName = "URL" };
        var workers = PositiveInt.Option("--workers", "Hangfire workers in this process (default 2; also Service:Workers)");
        var schedule = new Option<string>("--schedule") { Description = "Cron of the recurring inbox scan (default every minute; also Service:Schedule)", HelpName = "CRON" };
        var archive = new Option<string>("--archive") { Description = "Move loaded files here, by category and date, after they commit (also Service:Archive)", HelpName = "DIR" };
        var quarantine = new Option<string>("--quarantine") { Description = "Move files rejected whole here, with a <name>.reason.txt (also Service:Quarantine)", HelpName = "DIR" };
        var command = new Command("serve", "Run the ingestion service: Hangfire jobs load what arrives in the inbox; status page, /healthz, /metrics, /hangfire")
        {
            inbox, urls, workers, schedule, archive, quarantine,
        }.WithWarehouseOptions();

        // appsettings.json and environment variables (Service:…), then the command line.
        ServiceOptions Options(ParseResult parsed)
        {
            var options = configuration.GetSection(ServiceOptions.Section).Get<ServiceOptions>() ?? new ServiceOptions();
            if (parsed.GetValue(inbox) is { Length: > 0 } given)
            {
                options.Inbox.Clear();
                foreach (var folder in given)
                {
                    options.Inbox.Add(folder);
                }
            }

            options.Urls = parsed.GetValue(urls) ?? options.Urls;
            options.Workers = parsed.GetValue(workers) ?? options.Workers;
            options.Schedule = parsed.GetValue(schedule) ?? options.Schedule;
            options.Archive = parsed.GetValue(archive) ?? options.Archive;
            options.Quarantine = parsed.GetValue(quarantine) ?? options.Quarantine;
            return options;
        }

        command.SetAction(async (parsed, token) =>
        {
            var options = Options(parsed);
            if (options.Inbox.Count == 0)
            {
                Console.Error.WriteLine("error: serve needs an inbox: --inbox DIR (repeatable), or Service:Inbox in appsettings.json (environment Service__Inbox__0)");
                return ExitCodes.Fatal;
            }

            try
            {
                AccessGate.Validate(options);
                ScheduleCheck.Validate(options.Schedule);
                return await ServeAsync(options, cancel => WarehouseOptions.StartAsync(parsed, configuration, cancel), configuration, token).ConfigureAwait(false);
            }
            catch (ServiceConfigurationException exception)
            {
                Console.Error.WriteLine($"error: {exception.Message}");
                return ExitCodes.Fatal;
            }
        });
        return command;
    }

    public static async Task<int> ServeAsync(ServiceOptions options, Func<CancellationToken, Task<ServiceProvider>> startWarehouse, IConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var inboxes = options.Inbox.Select(Path.GetFullPath).ToList();
        options.Inbox.Clear();
        inboxes.ForEach(options.Inbox.Add);
        options.Archive = options.Archive is { Length: > 0 } archive ? Path.GetFullPath(archive) : null;
        options.Quarantine = options.Quarantine is { Length: > 0 } quarantine ? Path.GetFullPath(quarantine) : null;

        string connectionString;
        int retryAttempts;
        await using (var warehouse = await startWarehouse(cancellationToken).ConfigureAwait(false))
        {
            connectionString = warehouse.GetRequiredService<WarehouseConnection>().ConnectionString;
            retryAttempts = warehouse.GetRequiredService<IOptions<RetryOptions>>().Value.MaxAttempts;
        }

        await using var app = ServiceHost.Build(options, connectionString, configuration, retryAttempts, cancellationToken);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (var url in app.Urls)
        {
            Console.WriteLine($"Status page {url}/  ·  dashboard {url}/hangfire  ·  metrics {url}/metrics  ·  health {url}/healthz  ·  reports {url}/reports");
        }

        Console.WriteLine($"Watching {string.Join(", ", options.Inbox)}; stop with Ctrl+C or SIGTERM (running batches commit or roll back).");
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
