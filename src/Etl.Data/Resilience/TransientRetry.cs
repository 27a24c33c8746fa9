using Npgsql;
using Polly;
using Polly.Retry;

namespace Etl.Data.Resilience;

/// <summary>
/// The retry policy around database work: transient failures (connection lost, server restarting,
/// deadlock, serialization failure) are retried with exponential backoff and jitter. It wraps whole
/// transactions, which are atomic, so a retry never doubles anything.
/// </summary>
public static class TransientRetry
{
    /// <param name="maxAttempts">Retries after the first failure.</param>
    /// <param name="firstDelay">Delay before the first retry (500 ms); it doubles with each retry, up to <paramref name="maxDelay"/> (15 s).</param>
    /// <param name="log">Told about each retry.</param>
    /// <param name="tally">Counts the retries.</param>
    /// <param name="maxDelay">The longest delay between two attempts.</param>
    public static ResiliencePipeline Create(int maxAttempts = 6, TimeSpan? firstDelay = null, Action<string>? log = null, RetryTally? tally = null, TimeSpan? maxDelay = null) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(IsTransient),
                MaxRetryAttempts = maxAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = firstDelay ?? TimeSpan.FromMilliseconds(500),
                MaxDelay = maxDelay ?? TimeSpan.FromSeconds(15),
                OnRetry = arguments =>
                {
                    tally?.Add();
                    log?.Invoke($"database error, retrying in {arguments.RetryDelay.TotalSeconds:0.0}s (attempt {arguments.AttemptNumber + 1} of {maxAttempts}): {arguments.Outcome.Exception?.Message}");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>Npgsql's own judgement, which covers network errors and the retryable SQLSTATE classes.</summary>
    public static bool IsTransient(NpgsqlException exception) =>
        exception is not null && (exception.IsTransient || exception is PostgresException { SqlState: "57P01" or "57P02" or "57P03" });
}
