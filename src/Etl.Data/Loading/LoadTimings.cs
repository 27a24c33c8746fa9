using System.Diagnostics;

namespace Etl.Data.Loading;

/// <summary>
/// Where one load's time goes, per phase, summed over its batches. Cheap enough to always collect;
/// returned with the load's <see cref="LoadSummary"/>, so concurrent loads never mix their figures.
/// </summary>
internal sealed class LoadTimings
{
    private readonly Dictionary<string, long> _ticks = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TimeSpan> Snapshot() =>
        _ticks.ToDictionary(pair => pair.Key, pair => Stopwatch.GetElapsedTime(0, pair.Value), StringComparer.Ordinal);

    public void Add(string phase, long startTimestamp) =>
        _ticks[phase] = _ticks.GetValueOrDefault(phase) + Stopwatch.GetTimestamp() - startTimestamp;
}
