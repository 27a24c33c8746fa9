using Etl.Cli.Bench;
using Etl.Cli.Commands;
using Etl.Data.Embedded;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Etl.Cli;

/// <summary>Dispatches <c>etl &lt;command&gt;</c> and turns failures into a message and an exit code.</summary>
internal static class CommandLine
{
    public const string Usage = """
        usage: etl <command> [options]

          ingest <file-or-directory>...   load digests (*.md, *.txt; directories recursively); migrates first
                 [--batch-mb N] [--quiet]  commit every ~N MB of input (64); print only files with rejections
          migrate                          create or update the warehouse schema
          rebuild                          recompute every paper, version and author from the stored evidence
          serve --inbox DIR [--inbox DIR]... [--urls URL] [--workers N] [--schedule CRON] [--archive DIR] [--quarantine DIR]
                                           load digests as they arrive; status page, /healthz, /metrics, /hangfire
          generate --out DIR [--papers N] [--seed S] [--bad-entries]
                                           write a synthetic corpus of digests (the samples are made this way)
          bench [--papers N] [--runs R] [--small-papers M] [--work-dir DIR]
                                           measure parsing, backfill vs. its COPY floor, incremental loads, memory

        options for commands that use the database:
          --connection "<connection string>"   overrides ConnectionStrings:Warehouse (also ConnectionStrings__Warehouse
                                               or appsettings.json); with none, an embedded PostgreSQL is started
          --data-dir DIR                       where the embedded PostgreSQL keeps its data (also ETL_DATA_DIR)

        exit codes: 0 all loaded, 2 some files or entries rejected (the rest loaded), 1 fatal error
        """;

    private static readonly string[] DatabaseOptions = ["--connection", "--data-dir"];

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, CancellationToken cancellationToken)
    {
        try
        {
            if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
            {
                Console.WriteLine(Usage);
                return args.Length == 0 ? ExitCodes.Fatal : ExitCodes.Ok;
            }

            var rest = args.Skip(1);
            return args[0] switch
            {
                "ingest" => await IngestCommand.RunAsync(Parse(rest, ["--batch-mb"], ["--quiet", "--report-memory", "--timings"], out var options), options, cancellationToken),
                "migrate" => await MigrateCommand.RunAsync(Parse(rest, [], [], out var options), options, cancellationToken),
                "rebuild" => await RebuildCommand.RunAsync(Parse(rest, [], [], out var options), options, cancellationToken),
                "serve" => await ServeCommand.RunAsync(Parse(rest, ServeCommand.ValuedOptions, [], out var options), options, configuration, cancellationToken),
                "generate" => GenerateCommand.Run(CliArguments.Parse(rest, ["--out", "--papers", "--seed"], ["--bad-entries"])),
                "bench" => await BenchCommand.RunAsync(CliArguments.Parse(rest, ["--papers", "--runs", "--work-dir", "--small-papers"], []), cancellationToken),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };

            CliArguments Parse(IEnumerable<string> tail, string[] valued, string[] flags, out WarehouseOptions options)
            {
                var parsed = CliArguments.Parse(tail, [.. valued, .. DatabaseOptions], flags);
                options = new WarehouseOptions
                {
                    ConnectionString = parsed.Value("--connection") ?? configuration.GetConnectionString("Warehouse"),
                    EmbeddedDataDirectory = parsed.Value("--data-dir") ?? configuration["Embedded:DataDirectory"],
                    RetryAttempts = configuration.GetValue("Retry:MaxAttempts", 6),
                };
                return parsed;
            }
        }
        catch (UsageException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            Console.Error.WriteLine();
            Console.Error.WriteLine(Usage);
            return ExitCodes.Fatal;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled. Files whose batch had not committed were not loaded; run the same command again to finish.");
            return ExitCodes.Fatal;
        }
        catch (EmbeddedPostgresException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Fatal;
        }
        catch (NpgsqlException exception)
        {
            Console.Error.WriteLine($"error: the warehouse database failed: {exception.Message}");
            Console.Error.WriteLine("Check that PostgreSQL is running and that ConnectionStrings:Warehouse (or --connection) points at it; loaded files are kept, so run the command again once it is reachable.");
            return ExitCodes.Fatal;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Fatal;
        }
    }
}
