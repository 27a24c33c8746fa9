using System.Collections.Concurrent;
using System.Diagnostics;

namespace Etl.Data.Loading;

/// <summary>
/// Where load time goes, per phase, summed over a process's batches. Cheap enough to always collect;
/// <c>etl ingest --timings</c> and the benchmark print it.
/// </summary>
public static class LoadTimings
{
    private static readonly ConcurrentDictionary<string, long> Ticks = new(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, TimeSpan> Snapshot() =>
        Ticks.ToDictionary(pair => pair.Key, pair => Stopwatch.GetElapsedTime(0, pair.Value), StringComparer.Ordinal);

    internal static void Add(string phase, long startTimestamp) =>
        Ticks.AddOrUpdate(phase, Stopwatch.GetTimestamp() - startTimestamp, (_, total) => total + Stopwatch.GetTimestamp() - startTimestamp);
}
