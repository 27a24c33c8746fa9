namespace Etl.Data.Embedded;

/// <summary>
/// Where and how the embedded warehouse runs. The defaults let a fresh checkout work with no setup, while tests
/// and benchmarks can point at a throwaway directory and trade durability for speed.
/// </summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>
    /// The PostgreSQL cluster directory. Defaults to <c>ETL_DATA_DIR</c>; otherwise a system path when running as root
    /// (services and containers), or the per-user XDG data directory so a developer's data survives rebuilds of the repo.
    /// </summary>
    public string DataDirectory { get; init; } = DefaultDataDirectory();

    /// <summary>The database the ETL uses; created on first start so callers never have to run <c>createdb</c>.</summary>
    public string Database { get; init; } = "etl";

    /// <summary>
    /// Turns off fsync, synchronous_commit and full_page_writes. Only for tests and benchmarks: a crash or power loss
    /// can corrupt the whole cluster, which is acceptable only when the data is throwaway.
    /// </summary>
    public bool FastUnsafe { get; init; }

    /// <summary>
    /// PostgreSQL's own defaults instead of the embedded cluster's tuning (shared_buffers, WAL, JIT): a server as
    /// users bring it, for the benchmark's <c>--stock</c> runs.
    /// </summary>
    public bool Stock { get; init; }

    private static string DefaultDataDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("ETL_DATA_DIR");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (EmbeddedPostgres.IsRoot)
        {
            return "/var/lib/etl/postgres";
        }

        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
        {
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(dataHome, "etl", "postgres");
    }
}
