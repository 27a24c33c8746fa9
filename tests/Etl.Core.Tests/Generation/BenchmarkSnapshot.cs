using Etl.Core.Generation;

namespace Etl.Core.Tests.Generation;

/// <summary>One benchmark snapshot of 20,000 records and its refresh, written once for all of <see cref="SnapshotWriterTests"/>.</summary>
public sealed class BenchmarkSnapshot
{
    public static readonly SnapshotOptions Options = new() { Records = 20_000, Seed = 3 };

    public BenchmarkSnapshot()
    {
        Summary = Write(Options, out var snapshot, out var refresh);
        Snapshot = snapshot;
        Refresh = refresh;
    }

    public SnapshotSummary Summary { get; }

    public byte[] Snapshot { get; }

    public byte[] Refresh { get; }

    public static SnapshotSummary Write(SnapshotOptions options, out byte[] snapshot, out byte[] refresh)
    {
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        var summary = SnapshotWriter.Write(first, second, options);
        snapshot = first.ToArray();
        refresh = second.ToArray();
        return summary;
    }
}
