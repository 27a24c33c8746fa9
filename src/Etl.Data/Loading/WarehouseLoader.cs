using System.Diagnostics;
using Etl.Data.Discovery;
using Npgsql;
using Polly;

namespace Etl.Data.Loading;

/// <summary>
/// Loads digest files into the warehouse in batches (see <see cref="LoaderOptions"/>), each batch one
/// transaction run under the retry policy. Files are read and hashed once; a content the warehouse
/// already holds is reported as already loaded and not parsed again.
/// </summary>
public sealed class WarehouseLoader(NpgsqlDataSource dataSource, ResiliencePipeline retry, LoaderOptions? options = null)
{
    private readonly LoaderOptions _options = options ?? new LoaderOptions();

    /// <param name="paths">Files to load, in the order given (see <see cref="DigestFileFinder"/>).</param>
    /// <param name="onFile">Called once per file with its outcome, after its batch commits.</param>
    /// <param name="progress">Reported as files are parsed.</param>
    public async Task<LoadSummary> LoadAsync(
        IReadOnlyList<string> paths,
        Action<FileOutcome>? onFile = null,
        IProgress<LoadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var clock = Stopwatch.StartNew();
        var bytesTotal = paths.Sum(path => new FileInfo(path).Length);
        int filesDone = 0, loaded = 0, already = 0, rejected = 0;
        long entries = 0, rejectedEntries = 0, newPapers = 0, newVersions = 0, bytesDone = 0;

        foreach (var batch in Batches(paths))
        {
            // Progress counts parsing; a retried batch is counted again, so restart from the committed totals.
            var batchFiles = 0;
            long batchEntries = 0, batchBytes = 0;
            var load = new BatchLoad(batch, (count, bytes) =>
            {
                batchFiles++;
                batchEntries += count;
                batchBytes += bytes;
                progress?.Report(new LoadProgress(filesDone + batchFiles, paths.Count, entries + batchEntries, bytesDone + batchBytes, bytesTotal, clock.Elapsed));
            });

            await retry.ExecuteAsync(
                async token =>
                {
                    batchFiles = 0;
                    batchEntries = 0;
                    batchBytes = 0;
                    await load.RunAsync(dataSource, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);

            foreach (var outcome in load.Outcomes)
            {
                switch (outcome.Kind)
                {
                    case FileOutcomeKind.AlreadyLoaded:
                        already++;
                        break;
                    case FileOutcomeKind.Rejected:
                        rejected++;
                        break;
                    default:
                        loaded++;
                        break;
                }

                entries += outcome.Entries;
                rejectedEntries += outcome.Rejections.Count;
                onFile?.Invoke(outcome);
            }

            filesDone += batch.Count;
            bytesDone += batch.Sum(file => file.File.Bytes);
            newPapers += load.NewPapers;
            newVersions += load.NewVersions;
        }

        return new LoadSummary(paths.Count, loaded, already, rejected, entries, rejectedEntries, newPapers, newVersions, bytesDone, clock.Elapsed);
    }

    /// <summary>Reads files in order and cuts them into batches of bounded size, so memory does not grow with the corpus.</summary>
    private IEnumerable<List<(DigestFile File, byte[] Content)>> Batches(IReadOnlyList<string> paths)
    {
        var batch = new List<(DigestFile, byte[])>();
        long bytes = 0;
        foreach (var path in paths)
        {
            byte[] content;
            try
            {
                content = File.ReadAllBytes(path);
            }
            catch (IOException exception)
            {
                throw new IOException($"cannot read {path}: {exception.Message}; check that the file exists and is readable, then run the load again (loaded files are skipped)", exception);
            }

            batch.Add((DigestFileFinder.Describe(path, content), content));
            bytes += content.Length;
            if (bytes >= _options.BatchBytes || batch.Count >= _options.BatchFiles)
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
