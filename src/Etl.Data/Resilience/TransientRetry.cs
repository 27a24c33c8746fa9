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
    public static ResiliencePipeline Create(int maxAttempts = 6, TimeSpan? firstDelay = null, Action<string>? log = null) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(IsTransient),
                MaxRetryAttempts = maxAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = firstDelay ?? TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(15),
                OnRetry = arguments =>
                {
                    log?.Invoke($"database error, retrying in {arguments.RetryDelay.TotalSeconds:0.0}s (attempt {arguments.AttemptNumber + 1} of {maxAttempts}): {arguments.Outcome.Exception?.Message}");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>Npgsql's own judgement, which covers network errors and the retryable SQLSTATE classes.</summary>
    public static bool IsTransient(NpgsqlException exception) =>
        exception is not null && (exception.IsTransient || exception is PostgresException { SqlState: "57P01" or "57P02" or "57P03" });
}
