using System.Collections.Concurrent;
using Etl.Data.Loading;

namespace Etl.Service.Status;

/// <summary>
/// The loads this process is running now, with their progress, for the status page: a snapshot of millions of
/// records takes minutes, and the page says how far it is (the same line as <c>etl ingest</c>'s progress bar).
/// </summary>
public sealed class LoadsUnderway
{
    private readonly ConcurrentDictionary<Load, LoadProgress?> _loads = new();

    /// <summary>Starts tracking a load of <paramref name="files"/>; dispose the result when it ends.</summary>
    public Load Start(IReadOnlyList<string> files)
    {
        var load = new Load(this, files);
        _loads[load] = null;
        return load;
    }

    /// <summary>The loads under way, each with its files and its latest progress (null before its first report).</summary>
    public IReadOnlyList<(IReadOnlyList<string> Files, LoadProgress? Progress)> Current() =>
        [.. _loads.Select(pair => (pair.Key.Files, pair.Value))];

    /// <summary>One load under way: reports its progress, and stops being shown when disposed.</summary>
    public sealed class Load(LoadsUnderway owner, IReadOnlyList<string> files) : IProgress<LoadProgress>, IDisposable
    {
        public IReadOnlyList<string> Files { get; } = files;

        public void Report(LoadProgress value) => owner._loads[this] = value;

        public void Dispose() => owner._loads.TryRemove(this, out _);
    }
}
