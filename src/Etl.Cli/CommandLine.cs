using System.CommandLine;
using Etl.Cli.Commands;
using Etl.Data.Embedded;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Etl.Cli;

/// <summary>
/// The <c>etl</c> commands (one file each in <c>Commands/</c>, which declares its options and its action)
/// and the one place failures become a message and an exit code.
/// </summary>
internal static class CommandLine
{
    public static RootCommand Root(IConfiguration configuration) =>
        new("""
            Loads arXiv digest files into a PostgreSQL warehouse.
            Exit codes: 0 all loaded, 2 some files or entries rejected (the rest loaded), 1 fatal error.
            """)
        {
            IngestCommand.Create(configuration),
            MigrateCommand.Create(configuration),
            RebuildCommand.Create(configuration),
            ReparseCommand.Create(configuration),
            ReportCommand.Create(configuration),
            SearchCommand.Create(configuration),
            ExportCommand.Create(configuration),
            ReaderCommand.Create(configuration),
            ServeCommand.Create(configuration),
            GenerateCommand.Create(),
        };

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var root = Root(configuration);
        if (args.Length == 0)
        {
            await root.Parse("--help").InvokeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return ExitCodes.Fatal;
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            var command = parsed.CommandResult.Command == root ? "etl" : "etl " + parsed.CommandResult.Command.Name;
            Console.Error.WriteLine($"Run '{command} --help' for usage.");
            return ExitCodes.Fatal;
        }

        try
        {
            // Failures are reported below, and Ctrl+C is handled by Program (so a load can finish its batch).
            var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
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
            Console.Error.WriteLine($"error: the warehouse database failed and retrying did not help (Retry:MaxAttempts): {exception.Message}");
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
