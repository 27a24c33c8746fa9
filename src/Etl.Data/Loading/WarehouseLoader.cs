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
            bytesDone += batch.Sum(file => file.Bytes);
            newPapers += load.NewPapers;
            newVersions += load.NewVersions;
        }

        await TableStatistics.AnalyzeGrownAsync(dataSource, cancellationToken).ConfigureAwait(false);
        return new LoadSummary(paths.Count, loaded, already, rejected, entries, rejectedEntries, newPapers, newVersions, bytesDone, clock.Elapsed);
    }

    /// <summary>
    /// Hashes every file (one at a time: memory does not grow with the corpus), orders them (see
    /// <see cref="LoaderOptions.OrderByDigestDate"/>) and cuts them into batches of bounded size.
    /// </summary>
    private List<List<DigestFile>> Batches(IReadOnlyList<string> paths)
    {
        var files = paths.Select(DigestFileFinder.Describe).ToList();
        if (_options.OrderByDigestDate)
        {
            files = [.. files.OrderBy(file => file.DigestDate ?? DateOnly.MaxValue).ThenBy(file => file.Path, StringComparer.Ordinal)];
        }

        var batches = new List<List<DigestFile>>();
        var batch = new List<DigestFile>();
        long bytes = 0;
        foreach (var file in files)
        {
            batch.Add(file);
            bytes += file.Bytes;
            if (bytes >= _options.BatchBytes || batch.Count >= _options.BatchFiles)
            {
                batches.Add(batch);
                batch = [];
                bytes = 0;
            }
        }

        if (batch.Count > 0)
        {
            batches.Add(batch);
        }

        return batches;
    }
}
