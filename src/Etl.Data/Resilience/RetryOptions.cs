namespace Etl.Data.Resilience;

/// <summary>The <c>Retry</c> configuration section: how hard <see cref="TransientRetry"/> tries.</summary>
public sealed class RetryOptions
{
    /// <summary><c>Retry:MaxAttempts</c>: retries of a batch or a migration on transient database errors (backoff with jitter).</summary>
    public int MaxAttempts { get; set; } = 6;
}
