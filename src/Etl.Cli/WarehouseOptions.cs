namespace Etl.Cli;

/// <summary>Configuration of the CLI, bound from appsettings.json, environment variables and the command line.</summary>
internal sealed class WarehouseOptions
{
    /// <summary><c>ConnectionStrings:Warehouse</c>; when empty, the embedded PostgreSQL is used.</summary>
    public string? ConnectionString { get; init; }

    /// <summary><c>Embedded:DataDirectory</c> (or <c>ETL_DATA_DIR</c>) for the embedded cluster.</summary>
    public string? EmbeddedDataDirectory { get; init; }

    /// <summary><c>Retry:MaxAttempts</c>: retries of a batch or a migration on transient database errors (backoff with jitter).</summary>
    public int RetryAttempts { get; init; } = 6;

    /// <summary><c>Retry:DelayMs</c>: the delay before the first retry; it doubles with each retry.</summary>
    public int RetryDelayMs { get; init; } = 500;

    /// <summary><c>Retry:MaxDelayMs</c>: the longest delay between two attempts.</summary>
    public int RetryMaxDelayMs { get; init; } = 15_000;

    /// <summary>Retries so far in this run, for the summary.</summary>
    public Etl.Data.Resilience.RetryTally Retries { get; } = new();
}
