using System.Text;

namespace Etl.Core.Generation;

/// <summary>
/// The benchmark's metadata snapshot: one big <c>arxiv-metadata-oai-snapshot.json</c> of
/// <see cref="SnapshotOptions.Records"/> records (about 1.65 KB each, as the real file averages) and a refresh of
/// the same papers taken a week or more later, <c>refresh/arxiv-metadata-oai-snapshot.json</c>: the same lines in
/// the same order, except that <see cref="SnapshotOptions.ChangedShare"/> of them changed (a new version or an
/// edited text) and <see cref="SnapshotOptions.NewShare"/> more are new papers. Records are rendered in slices of
/// 256 on every core and written in order (memory stays at a few MB however big the file), and the lines of
/// records the refresh does not change are written to both files from one rendering, so they are byte-identical
/// by construction.
/// </summary>
public static class SnapshotWriter
{
    /// <summary>The name of the real file, which both files keep.</summary>
    public const string FileName = CorpusSnapshots.FileName;

    /// <summary>The refresh's folder under the output folder.</summary>
    public const string RefreshFolder = "refresh";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes <c>{directory}/arxiv-metadata-oai-snapshot.json</c> and <c>{directory}/refresh/arxiv-metadata-oai-snapshot.json</c>, replacing them.</summary>
    public static SnapshotSummary Write(string directory, SnapshotOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        Directory.CreateDirectory(Path.Combine(directory, RefreshFolder));
        using var snapshot = new FileStream(Path.Combine(directory, FileName), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var refresh = new FileStream(Path.Combine(directory, RefreshFolder, FileName), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        return Write(snapshot, refresh, options);
    }

    /// <summary>Writes the snapshot to <paramref name="snapshot"/> and the refresh to <paramref name="refresh"/> (left open).</summary>
    public static SnapshotSummary Write(Stream snapshot, Stream refresh, SnapshotOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(refresh);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var records = new SnapshotRecords(options);
        using var first = new StreamWriter(snapshot, Utf8NoBom, 1 << 16, leaveOpen: true);
        using var second = new StreamWriter(refresh, Utf8NoBom, 1 << 16, leaveOpen: true);
        var batches = new SnapshotBatch[Math.Max(1, Environment.ProcessorCount)];
        for (var b = 0; b < batches.Length; b++)
        {
            batches[b] = new SnapshotBatch();
        }

        long lines = 0, bytes = 0, refreshLines = 0, refreshBytes = 0, changed = 0, added = 0, collaborations = 0;
        for (var start = 0L; start < records.Count; start += (long)batches.Length * SnapshotBatch.Size)
        {
            // Each batch renders its own slice of positions on its own thread; the slices are written in order,
            // so the files are the same bytes whatever the number of cores.
            var round = start;
            Parallel.For(0, batches.Length, b => batches[b].Render(records, round + ((long)b * SnapshotBatch.Size)));
            foreach (var batch in batches)
            {
                first.Write(batch.Snapshot);
                second.Write(batch.Refresh);
                lines += batch.Lines;
                bytes += batch.Bytes;
                refreshLines += batch.RefreshLines;
                refreshBytes += batch.RefreshBytes;
                changed += batch.Changed;
                added += batch.Added;
                collaborations += batch.Collaborations;
            }
        }

        return new SnapshotSummary(lines, bytes, refreshLines, refreshBytes, changed, added, collaborations);
    }

}
