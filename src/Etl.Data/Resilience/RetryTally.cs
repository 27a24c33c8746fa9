namespace Etl.Data.Resilience;

/// <summary>How many times the retry pipeline retried, so a run can say that it recovered from database errors.</summary>
public sealed class RetryTally
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    internal void Add() => Interlocked.Increment(ref _count);
}
