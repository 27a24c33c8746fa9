using System.CommandLine;
using Etl.Data;
using Etl.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Etl.Cli.Commands;

/// <summary>
/// <c>etl reader --password-from-env VAR</c>: lets the read-only role <c>etl_reader</c> log in with the
/// password held in environment variable VAR (never on the command line, where <c>ps</c> would show it).
/// Where the connecting role may not create or alter roles, prints the SQL for an administrator instead.
/// </summary>
internal static class ReaderCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var variable = new Option<string>("--password-from-env")
        {
            Description = "The environment variable holding etl_reader's new password (never the password itself: ps would show it)",
            HelpName = "VAR",
            Required = true,
        };
        var command = new Command("reader", "Let the read-only role etl_reader log in (or print the SQL for an administrator)") { variable }.WithWarehouseOptions();
        command.SetAction((parsed, token) => RunAsync(parsed.GetRequiredValue(variable), cancel => WarehouseOptions.StartAsync(parsed, configuration, cancel), token));
        return command;
    }

    public static async Task<int> RunAsync(string variable, Func<CancellationToken, Task<ServiceProvider>> startWarehouse, CancellationToken cancellationToken)
    {
        var password = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine($"error: environment variable {variable} is not set or empty; export it with etl_reader's new password first");
            return ExitCodes.Fatal;
        }

        await using var services = await startWarehouse(cancellationToken).ConfigureAwait(false);
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var connectionString = services.GetRequiredService<WarehouseConnection>().ConnectionString;
        // The role, its grants and its settings, as the migrations give them.
        var roleSql = EmbeddedSql.Read(typeof(WarehouseMigrator).Assembly, ReportScripts.ReaderScript);
        if (!await MayManageRolesAsync(dataSource, cancellationToken).ConfigureAwait(false))
        {
            Console.Out.WriteLine("-- The role this command connects as may not create or alter roles. Ask an administrator to run, in this database:");
            Console.Out.WriteLine(roleSql);
            Console.Out.WriteLine("ALTER ROLE etl_reader LOGIN PASSWORD 'the new password';");
            return ExitCodes.Fatal;
        }

        await GrantLoginAsync(dataSource, roleSql, password, cancellationToken).ConfigureAwait(false);
        var reader = new NpgsqlConnectionStringBuilder(connectionString) { Username = "etl_reader", Password = null, Passfile = null };
        Console.Out.WriteLine($"etl_reader may now log in (password from ${variable}) and read schema report only: Host={reader.Host};Port={reader.Port};Database={reader.Database};Username=etl_reader");
        return ExitCodes.Ok;
    }

    public static async Task<bool> MayManageRolesAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Creates the role and its grants if missing, then gives it a login with this password.</summary>
    public static async Task GrantLoginAsync(NpgsqlDataSource dataSource, string roleSql, string password, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var role = new NpgsqlCommand(roleSql, connection, transaction))
        {
            await role.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // ALTER ROLE takes no parameters: the server quotes the password itself (format %L), so no text
        // of ours is ever spliced into SQL.
        string alter;
        await using (var quote = new NpgsqlCommand("SELECT format('ALTER ROLE etl_reader LOGIN PASSWORD %L', @password)", connection, transaction))
        {
            quote.Parameters.AddWithValue("password", password);
            alter = (string)(await quote.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await using (var login = new NpgsqlCommand(alter, connection, transaction))
        {
            await login.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
