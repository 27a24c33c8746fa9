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
    /// <param name="laterLoadDrains">
    /// Asked under the load lock, when the load would drain the report stores (search, authors,
    /// coauthorships) in its last transaction: true leaves them to a load queued behind this one, which
    /// drains for both. The service's backlog then drains once, at its last job, as one <c>etl ingest</c>
    /// of the same files does; the papers' own tables and views are current after every batch either way.
    /// </param>
    public async Task<LoadSummary> LoadAsync(
        IReadOnlyList<string> paths,
        Action<FileOutcome>? onFile = null,
        IProgress<LoadProgress>? progress = null,
        Func<bool>? laterLoadDrains = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var clock = Stopwatch.StartNew();
        var (batches, unreadable) = Batches(paths);
        var bytesTotal = batches.Sum(batch => batch.Sum(file => file.Bytes));
        int filesDone = unreadable.Count, loaded = 0, already = 0, rejected = unreadable.Count;
        long entries = 0, rejectedEntries = 0, newPapers = 0, newVersions = 0, bytesDone = 0;
        var timings = new LoadTimings();
        RecordCounts? records = null;
        foreach (var outcome in unreadable)
        {
            onFile?.Invoke(outcome);
        }

        var drained = false;
        foreach (var batch in batches)
        {
            // Progress counts parsing; a retried batch is counted again, so restart from the committed totals.
            var batchFiles = 0;
            long batchEntries = 0, batchBytes = 0;
            void Report(long fileEntries, long fileBytes) =>
                progress?.Report(new LoadProgress(filesDone + batchFiles, paths.Count, entries + batchEntries + fileEntries, bytesDone + batchBytes + fileBytes, bytesTotal, clock.Elapsed));
            var load = new BatchLoad(batch, _options, (count, bytes) =>
            {
                batchFiles++;
                batchEntries += count;
                batchBytes += bytes;
                Report(0, 0);
            })
            {
                FileProgress = Report,
                LoadTimings = timings,
                // The author store's drain (report.authors, report.coauthorships) commits with the last batch.
                DrainAuthorStore = ReferenceEquals(batch, batches[^1]),
                LaterLoadDrains = laterLoadDrains,
            };

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
                    case FileOutcomeKind.Rejected or FileOutcomeKind.Unreadable:
                        rejected++;
                        break;
                    default:
                        loaded++;
                        break;
                }

                entries += outcome.Entries;
                if (outcome.Records is { } counts)
                {
                    records = (records ?? RecordCounts.None).Add(counts);
                }

                rejectedEntries += outcome.Rejections.Count;
                onFile?.Invoke(outcome);
            }

            drained = load.Drained;
            filesDone += batch.Count;
            bytesDone += batch.Sum(file => file.Bytes);
            newPapers += load.NewPapers;
            newVersions += load.NewVersions;
        }

        if (!drained)
        {
            // No batch drained (none to load, or the last one, a streamed file that changed, rolled back);
            // this load's earlier batches, or a crashed load, may have left papers for the author store.
            await retry.ExecuteAsync(
                async token => await Reporting.ReportStore.DrainAsync(dataSource, laterLoadDrains, unlessLoading: false, timings, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }

        // Only a load that committed rows can have changed the statistics the report views are planned from.
        if (loaded + rejected > 0)
        {
            await TableStatistics.AnalyzeGrownAsync(dataSource, timings, cancellationToken).ConfigureAwait(false);
        }
        return new LoadSummary(paths.Count, loaded, already, rejected, entries, rejectedEntries, newPapers, newVersions, bytesDone, clock.Elapsed)
        {
            Records = records,
            Timings = timings.Snapshot(),
        };
    }

    /// <summary>
    /// Drains the report stores of what earlier loads left to a later one (<c>laterLoadDrains</c> of
    /// <see cref="LoadAsync"/>) when that load never came (its job failed for good), unless a load is
    /// running (it drains when it ends) or <paramref name="laterLoadDrains"/> says one is queued. Does
    /// nothing, in one short transaction, when nothing was left. For the service's scans.
    /// </summary>
    public async Task DrainLeftBehindAsync(Func<bool>? laterLoadDrains, CancellationToken cancellationToken) =>
        await retry.ExecuteAsync(
            async token => await Reporting.ReportStore.DrainAsync(dataSource, laterLoadDrains, unlessLoading: true, timings: null, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Whether another session waits for the load lock (<c>sql/load/load_lock_waiters.sql</c>): a load that
    /// runs after the one holding it, and drains the report stores when it ends.
    /// </summary>
    public bool AnotherLoadWaitsForTheLock()
    {
        using var connection = dataSource.OpenConnection();
        using var command = LoadSql.Command(EmbeddedSql.Load("load_lock_waiters"), connection);
        return command.ExecuteScalar() is true;
    }

    /// <summary>
    /// Hashes every file (one at a time: memory does not grow with the corpus), orders them (see
    /// <see cref="LoaderOptions.OrderByDigestDate"/>) and cuts them into batches of bounded size. A streamed
    /// file (<see cref="LoaderOptions.StreamAboveBytes"/>) is a batch of its own: if it changes while its
    /// entries flow into the COPY, rolling its batch back skips it alone. So is a snapshot: its records are
    /// checked against those the warehouse holds before its COPY starts (<see cref="HeldRecords"/>).
    /// </summary>
    /// <returns>The batches, and the files that could not be read at all (skipped with their reason; the others still load).</returns>
    private (List<List<DigestFile>> Batches, List<FileOutcome> Unreadable) Batches(IReadOnlyList<string> paths)
    {
        var files = new List<DigestFile>(paths.Count);
        var unreadable = new List<FileOutcome>();
        foreach (var path in paths)
        {
            try
            {
                files.Add(DigestFileFinder.Describe(path));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                unreadable.Add(new FileOutcome(path, FileOutcomeKind.Unreadable, 0, [], $"cannot read it ({exception.InnerException?.Message ?? exception.Message}); check that it exists and is readable, then run the load again (loaded files are skipped)"));
            }
        }


        if (_options.OrderByDigestDate)
        {
            files = [.. files.OrderBy(file => file.DigestDate ?? DateOnly.MaxValue).ThenBy(file => file.Path, StringComparer.Ordinal)];
        }

        var batches = new List<List<DigestFile>>();
        var batch = new List<DigestFile>();
        long bytes = 0;
        foreach (var file in files)
        {
            if (_options.Streams(file.Bytes) || file.IsSnapshot)
            {
                if (batch.Count > 0)
                {
                    batches.Add(batch);
                    batch = [];
                    bytes = 0;
                }

                batches.Add([file]);
                continue;
            }

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

        return (batches, unreadable);
    }
}
