using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Etl.Data.Embedded;

/// <summary>
/// Runs a private PostgreSQL cluster for the ETL, so the tool works on a machine that merely has the PostgreSQL
/// binaries installed, with no server to configure. The cluster listens on 127.0.0.1 (and a Unix socket in the
/// data folder) and asks every connection for the superuser's password (scram-sha-256). The password is a
/// generated secret kept in <c>etl.pgpass</c> in the data folder, mode 0600: only the OS user who owns the data
/// folder can read it, so only that user can connect. Clusters created by older versions with trust
/// authentication are given a secret, and lose trust, on their next start.
/// </summary>
public static class EmbeddedPostgres
{
    private const string PortFileName = "etl-port";
    private const string ConfigFileName = "etl.conf";
    private const string ServerLogName = "server.log";
    private const string PassFileName = "etl.pgpass";
    private const string HbaFileName = "pg_hba.conf";

    /// <summary>Our pg_hba.conf, rewritten on every start: a password for everyone, trust for no one.</summary>
    private const string Hba = """
        # Managed by the ETL, rewritten on every start. Every connection needs the superuser's password, a
        # secret kept in etl.pgpass (mode 0600) in this folder: only the folder's owner can read it.
        local   all   all                  scram-sha-256
        host    all   all   127.0.0.1/32   scram-sha-256

        """;
    private const int MaxUnixSocketPathLength = 107;
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    /// <summary>initdb and postgres refuse to run as root, so root must hand the cluster to the postgres system user.</summary>
    internal static bool IsRoot => Environment.UserName == "root";

    /// <summary>
    /// Makes sure the cluster exists, is running and has the target database, then returns its connection string.
    /// Safe to call from several processes at once and on every run: an existing cluster and running server are reused.
    /// </summary>
    /// <param name="options">Where the cluster lives and how durable it must be.</param>
    /// <param name="log">Receives a few human-readable progress lines, because a first start can take seconds.</param>
    /// <param name="cancellationToken">Cancels waiting for the lock, the tools and the database.</param>
    /// <exception cref="EmbeddedPostgresException">The binaries are missing or a PostgreSQL tool failed; the message says what to do.</exception>
    public static async Task<string> EnsureStartedAsync(EmbeddedPostgresOptions options, Action<string>? log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        log ??= _ => { };
        IgnorePasswordFromEnvironment(log);
        var dataDir = FullPath(options.DataDirectory);
        var bin = PostgresBinaries.Find();
        await CreateParentDirectoriesAsync(dataDir, cancellationToken).ConfigureAwait(false);

        using (await AcquireLockAsync(dataDir, cancellationToken).ConfigureAwait(false))
        {
            if (!File.Exists(Path.Combine(dataDir, "PG_VERSION")))
            {
                await InitializeAsync(bin, dataDir, log, cancellationToken).ConfigureAwait(false);
            }

            var port = await StartServerAsync(bin, dataDir, options, log, cancellationToken).ConfigureAwait(false);
            var connectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = "postgres",
                Database = options.Database,
                Passfile = PassFile(dataDir),
                IncludeErrorDetail = true,
            }.ConnectionString;
            await SecureAsync(bin, dataDir, connectionString, log, cancellationToken).ConfigureAwait(false);
            await CreateDatabaseAsync(connectionString, options.Database, cancellationToken).ConfigureAwait(false);
            return connectionString;
        }
    }

    /// <summary>
    /// Stops the server with <c>pg_ctl stop -m fast</c> (rolls back open transactions instead of waiting for clients).
    /// Does nothing when it is not running, so cleanup code can call it unconditionally.
    /// </summary>
    public static async Task StopAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var dataDir = FullPath(dataDirectory);
        var pgCtl = Path.Combine(PostgresBinaries.Find(), "pg_ctl");
        if (!await IsRunningAsync(pgCtl, dataDir, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await ProcessRunner.RunAsync(pgCtl, ["stop", "-D", dataDir, "-m", "fast", "-w"], IsRoot, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Npgsql, like libpq, prefers PGPASSWORD to a Passfile: a password the user keeps in the environment for
    /// another server would be sent to this cluster and refused ("password authentication failed"). A process
    /// that uses the embedded cluster connects to nothing else (a configured connection string replaces it),
    /// so the variable is dropped from the process, and so from the processes it starts.
    /// </summary>
    private static void IgnorePasswordFromEnvironment(Action<string> log)
    {
        if (Environment.GetEnvironmentVariable(PasswordVariable) is null)
        {
            return;
        }

        Environment.SetEnvironmentVariable(PasswordVariable, null);
        log($"{PasswordVariable} is set: ignored, the embedded PostgreSQL takes the secret in its {PassFileName} (for psql too: env -u {PasswordVariable} PGPASSFILE=… psql …).");
    }

    private const string PasswordVariable = "PGPASSWORD";

    /// <summary>The password file of a cluster; <c>PGPASSFILE=&lt;it&gt; psql …</c> connects with it.</summary>
    public static string PassFile(string dataDirectory) => Path.Combine(FullPath(dataDirectory), PassFileName);

    private static async Task InitializeAsync(string bin, string dataDir, Action<string> log, CancellationToken ct)
    {
        log($"Initialising a new PostgreSQL cluster in {dataDir} (first run)…");
        Directory.CreateDirectory(dataDir);
        await GiveToPostgresUserAsync([dataDir], ct).ConfigureAwait(false);

        // initdb wants an empty folder, so the secret waits beside it (mode 0600) until the cluster exists.
        var secret = NewSecret();
        var pwFile = dataDir + ".initdb-pw";
        await WriteSecretFileAsync(pwFile, secret + "\n", ct).ConfigureAwait(false);
        try
        {
            await ProcessRunner.RunAsync(
                Path.Combine(bin, "initdb"),
                ["-D", dataDir, "-U", "postgres", "--auth=scram-sha-256", $"--pwfile={pwFile}", "-E", "UTF8", "--locale=C"],
                IsRoot,
                ct).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(pwFile);
        }

        await WriteSecretFileAsync(PassFile(dataDir), PassFileLine(secret), ct).ConfigureAwait(false);

        // Our settings live in their own file so they can be rewritten on every start without touching postgresql.conf.
        await File.AppendAllTextAsync(
            Path.Combine(dataDir, "postgresql.conf"),
            $"{Environment.NewLine}# Managed by the ETL, rewritten on every start.{Environment.NewLine}include_if_exists = '{ConfigFileName}'{Environment.NewLine}",
            ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes sure the superuser has the secret of <c>etl.pgpass</c> and that pg_hba.conf asks for it. A cluster
    /// created with trust authentication (older versions) has no password file: while trust still lets us in, the
    /// superuser gets a new secret, and only then is trust replaced.
    /// </summary>
    private static async Task SecureAsync(string bin, string dataDir, string connectionString, Action<string> log, CancellationToken ct)
    {
        var passFile = PassFile(dataDir);
        if (!File.Exists(passFile))
        {
            log($"Securing the embedded PostgreSQL in {dataDir}: it trusted every local connection; from now on connections need the secret in {passFile}.");
            var secret = NewSecret();
            var trusted = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Passfile = null, Pooling = false };
            var connection = new NpgsqlConnection(trusted.ConnectionString);
            await using (connection.ConfigureAwait(false))
            {
                try
                {
                    await connection.OpenAsync(ct).ConfigureAwait(false);
                }
                catch (NpgsqlException ex)
                {
                    throw new EmbeddedPostgresException(
                        $"{passFile} is missing and the server in {dataDir} asks for a password: restore the file, or set a new password with " +
                        $"ALTER ROLE postgres PASSWORD '…' (e.g. from `pg_ctl stop`, a trust line in {HbaFileName}, `pg_ctl start`) and write it to {passFile} as *:*:*:postgres:<password> with mode 0600.",
                        ex);
                }

                // The secret is hex we generated, never file content, so it can be spelled into the statement (ALTER ROLE takes no parameters).
                var alter = new NpgsqlCommand($"ALTER ROLE postgres PASSWORD '{secret}'", connection);
                await using (alter.ConfigureAwait(false))
                {
                    await alter.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            }

            await WriteSecretFileAsync(passFile, PassFileLine(secret), ct).ConfigureAwait(false);
        }

        if (await WriteIfChangedAsync(Path.Combine(dataDir, HbaFileName), Hba, ct).ConfigureAwait(false))
        {
            await GiveToPostgresUserAsync([Path.Combine(dataDir, HbaFileName)], ct).ConfigureAwait(false);
            await ProcessRunner.RunAsync(Path.Combine(bin, "pg_ctl"), ["reload", "-D", dataDir], IsRoot, ct).ConfigureAwait(false);
        }
    }

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The pgpass format (host:port:database:user:password), read by Npgsql's Passfile and by psql's PGPASSFILE.</summary>
    private static string PassFileLine(string secret) => $"*:*:*:postgres:{secret}\n";

    /// <summary>Created with mode 0600 (never readable by others, not even for a moment); owned by the server's user.</summary>
    private static async Task WriteSecretFileAsync(string path, string content, CancellationToken ct)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var stream = new FileStream(path, options);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(content), ct).ConfigureAwait(false);
        }

        await GiveToPostgresUserAsync([path], ct).ConfigureAwait(false);
    }

    private static async Task<int> StartServerAsync(string bin, string dataDir, EmbeddedPostgresOptions options, Action<string> log, CancellationToken ct)
    {
        var pgCtl = Path.Combine(bin, "pg_ctl");
        var running = await IsRunningAsync(pgCtl, dataDir, ct).ConfigureAwait(false);
        var port = running ? RunningPort(dataDir) : ReadPort(dataDir);
        if (port is not { } chosen || (!running && !IsPortFree(chosen)))
        {
            // First start, or another program took our port while we were stopped.
            chosen = FreePort();
        }

        var changed = await WriteIfChangedAsync(Path.Combine(dataDir, PortFileName), $"{chosen}\n", ct).ConfigureAwait(false);
        changed |= await WriteIfChangedAsync(Path.Combine(dataDir, ConfigFileName), Settings(bin, dataDir, chosen, options), ct).ConfigureAwait(false);
        if (changed)
        {
            await GiveToPostgresUserAsync([Path.Combine(dataDir, PortFileName), Path.Combine(dataDir, ConfigFileName)], ct).ConfigureAwait(false);
        }

        var version = (await File.ReadAllTextAsync(Path.Combine(dataDir, "PG_VERSION"), ct).ConfigureAwait(false)).Trim();
        if (running)
        {
            if (changed)
            {
                // fsync, synchronous_commit and full_page_writes take effect on reload; a running server must not keep stale durability settings.
                await ProcessRunner.RunAsync(pgCtl, ["reload", "-D", dataDir], IsRoot, ct).ConfigureAwait(false);
            }

            log($"Using embedded PostgreSQL {version} already running in {dataDir} on port {chosen}.");
            return chosen;
        }

        log($"Starting embedded PostgreSQL {version} in {dataDir} on port {chosen}…");
        var logFile = Path.Combine(dataDir, ServerLogName);
        try
        {
            await ProcessRunner.RunAsync(pgCtl, ["start", "-D", dataDir, "-w", "-t", "60", "-l", logFile], IsRoot, ct).ConfigureAwait(false);
        }
        catch (EmbeddedPostgresException ex)
        {
            throw new EmbeddedPostgresException($"{ex.Message}{Environment.NewLine}Last lines of {logFile}:{Environment.NewLine}{Tail(logFile)}", ex);
        }

        return chosen;
    }

    private static string Settings(string bin, string dataDir, int port, EmbeddedPostgresOptions options)
    {
        // A Unix socket path longer than the kernel limit makes the server refuse to start; TCP alone is enough for us.
        var socketDir = dataDir.Length + "/.s.PGSQL.65535".Length <= MaxUnixSocketPathLength ? dataDir : string.Empty;
        var settings = new StringBuilder()
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine(CultureInfo.InvariantCulture, $"port = {port}")
            .AppendLine(CultureInfo.InvariantCulture, $"unix_socket_directories = '{socketDir.Replace("'", "''", StringComparison.Ordinal)}'")
            .AppendLine("max_connections = 100");
        if (!options.Stock)
        {
            // Bulk loading: fewer checkpoints and no WAL for replication, which an embedded cluster never has.
            settings.AppendLine("shared_buffers = 256MB")
                .AppendLine("max_wal_size = 4GB")
                .AppendLine("checkpoint_timeout = 30min")
                .AppendLine("wal_level = minimal")
                .AppendLine("max_wal_senders = 0")
                // JIT compilation cost report queries 0.15-0.4 s each and never paid back (sql/roles/etl_reader.sql).
                .AppendLine("jit = off")
                // The DDL of a large batch and the ANALYZE after a load wait for autovacuum, which has already
                // started on the tables the batch before grew; a waiter cancels it only after deadlock_timeout
                // (1 s by default), once per table autovacuum holds: up to nine times per backfill.
                .AppendLine("deadlock_timeout = 100ms");
        }

        if (HasStatementStatistics(bin))
        {
            // Where time goes, per statement, for analysts (CREATE EXTENSION pg_stat_statements) and for
            // etl bench's database time of a daily load. Only where the library is installed beside the
            // binaries: preloading a missing one would stop the server from starting.
            settings.AppendLine("shared_preload_libraries = 'pg_stat_statements'").AppendLine("pg_stat_statements.track_planning = on");
        }

        if (options.FastUnsafe)
        {
            settings.AppendLine("fsync = off").AppendLine("synchronous_commit = off").AppendLine("full_page_writes = off");
        }

        return settings.ToString();
    }

    /// <summary>
    /// Whether <c>pg_stat_statements</c> is installed with these binaries: in <c>../lib</c> of the real
    /// <c>postgres</c> executable (Debian, RPM and source layouts), which PATH often reaches through a link
    /// (<c>/usr/local/bin/postgres</c> → <c>/usr/lib/postgresql/15/bin/postgres</c>).
    /// </summary>
    private static bool HasStatementStatistics(string bin)
    {
        var postgres = new FileInfo(Path.Combine(bin, "postgres"));
        var real = postgres.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? postgres.FullName;
        return File.Exists(Path.Combine(Path.GetDirectoryName(real)!, "..", "lib", "pg_stat_statements.so"));
    }

    private static async Task CreateDatabaseAsync(string connectionString, string database, CancellationToken ct)
    {
        // No pooling: an idle pooled connection to 'postgres' would linger for the life of the process.
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(admin.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
            await using (exists.ConfigureAwait(false))
            {
                if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null)
                {
                    return;
                }
            }

            var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await using (create.ConfigureAwait(false))
            {
                try
                {
                    await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                    // Created concurrently by someone not holding our lock (e.g. a manual createdb); that is fine.
                }
            }
        }
    }

    private static async Task<bool> IsRunningAsync(string pgCtl, string dataDir, CancellationToken ct) =>
        (await ProcessRunner.TryRunAsync(pgCtl, ["status", "-D", dataDir], IsRoot, ct).ConfigureAwait(false)).ExitCode == 0;

    private static async Task CreateParentDirectoriesAsync(string dataDir, CancellationToken ct)
    {
        var created = new List<string>();
        for (var dir = Path.GetDirectoryName(dataDir); dir is not null && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir))
        {
            created.Add(dir);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(dataDir) ?? "/");
        await GiveToPostgresUserAsync([.. created], ct).ConfigureAwait(false);
    }

    /// <summary>When root, the server runs as postgres and must own what it writes to; otherwise we already own it.</summary>
    private static async Task GiveToPostgresUserAsync(string[] paths, CancellationToken ct)
    {
        if (IsRoot && paths.Length > 0)
        {
            await ProcessRunner.RunAsync("chown", ["postgres:postgres", .. paths], false, ct).ConfigureAwait(false);
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string dataDir, CancellationToken ct)
    {
        // FileShare.None is an OS-level exclusive lock (flock on Unix), released automatically if the holder dies.
        var lockPath = dataDir + ".lock";
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new EmbeddedPostgresException(
                        $"Waited {LockTimeout.TotalMinutes:0} minutes for {lockPath}: another ETL process is still starting the embedded PostgreSQL. " +
                        "Wait for it to finish or stop it, then try again.", ex);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), ct).ConfigureAwait(false);
            }
        }
    }

    private static int? ReadPort(string dataDir)
    {
        var file = Path.Combine(dataDir, PortFileName);
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    /// <summary>The running server's own record of its port (4th line of postmaster.pid) beats our file if they ever disagree.</summary>
    private static int? RunningPort(string dataDir)
    {
        var pidFile = Path.Combine(dataDir, "postmaster.pid");
        var line = File.Exists(pidFile) ? File.ReadLines(pidFile).Skip(3).FirstOrDefault() : null;
        return int.TryParse(line?.Trim(), CultureInfo.InvariantCulture, out var port) ? port : ReadPort(dataDir);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<bool> WriteIfChangedAsync(string path, string content, CancellationToken ct)
    {
        if (File.Exists(path) && await File.ReadAllTextAsync(path, ct).ConfigureAwait(false) == content)
        {
            return false;
        }

        await File.WriteAllTextAsync(path, content, ct).ConfigureAwait(false);
        return true;
    }

    private static string Tail(string file) =>
        File.Exists(file) ? string.Join(Environment.NewLine, File.ReadLines(file).TakeLast(20)) : "(no server log was written)";

    private static string FullPath(string directory) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
}
