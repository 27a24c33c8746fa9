namespace Etl.Data.Resilience;

/// <summary>The <c>Retry</c> configuration section: how hard <see cref="TransientRetry"/> tries.</summary>
public sealed class RetryOptions
{
    /// <summary><c>Retry:MaxAttempts</c>: retries of a batch or a migration on transient database errors (backoff with jitter).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary><c>Retry:DelayMs</c>: the delay before the first retry; it doubles with each retry.</summary>
    public int DelayMs { get; set; } = 500;

    /// <summary><c>Retry:MaxDelayMs</c>: the longest delay between two attempts.</summary>
    public int MaxDelayMs { get; set; } = 15_000;
}
