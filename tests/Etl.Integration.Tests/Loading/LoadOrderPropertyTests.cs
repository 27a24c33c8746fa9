using Etl.Core.Generation;
using Etl.Core.Model;
using Etl.Core.Reporting;
using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Xunit;

namespace Etl.Integration.Tests.Loading;

/// <summary>
/// The warehouse does not depend on how files arrive: seeds plus a generated corpus of all three formats
/// (detailed and compact digests, daily listings; with bad entries, bad listing lines and files that are not
/// digests), loaded in 20 random orders, batchings and numbers of runs, always dump to the same contract views
/// as the in-memory reference; loading everything again changes nothing. Half of the loads stream every file
/// and reconcile a few papers per range (the bounded-memory paths a 1 GB file takes).
/// </summary>
public sealed class LoadOrderPropertyTests : IDisposable
{
    private readonly string _corpus = Path.Combine(Path.GetTempPath(), "etl-property-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Every_order_batching_and_run_count_gives_the_same_warehouse()
    {
        CorpusWriter.Write(_corpus, new GeneratorOptions { Papers = 150, Seed = 7, IncludeBadEntries = true, Snapshots = true });
        var files = Directory.GetFiles(_corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (SharedSamples.Available)
        {
            files.AddRange(SharedSamples.Files("seeds"));
            files.AddRange(SharedSamples.Files("snapshot/overlap"));
        }

        var reference = new ReferenceWarehouse();
        foreach (var file in files)
        {
            reference.Add(file, File.ReadAllBytes(file));
        }

        var expected = reference.Build().Select(ReportJson.Serialize).ToList();
        var listings = files.Where(file => file.EndsWith(".jsonl", StringComparison.Ordinal)).ToList();
        Assert.True(listings.Count > 5, "the generated corpus should hold daily listings");
        Assert.Contains(listings, file => SourceFormats.Parse(file, File.ReadAllBytes(file)).Rejections.Count > 0);
        Assert.Contains(expected, paper => paper.Contains("\"source\":\"listing\"", StringComparison.Ordinal));
        Assert.Contains(expected, paper => paper.Contains("\"source\":\"snapshot\"", StringComparison.Ordinal));
        Assert.True(files.Count(file => SourceFormats.Parse(file, File.ReadAllBytes(file)).Header?.Format == DigestFormat.Snapshot) >= 2, "the corpus should hold an older and a newer snapshot");
        Assert.True(expected.Count >= (SharedSamples.Available ? 150 + 193 : 150), "the corpus should hold the generated papers (and the seeds, when present)");

        var largestFile = files.Max(file => new FileInfo(file).Length);
        for (var seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            var order = files.ToArray();
            random.Shuffle(order);
            var runs = random.Next(1, 4);
            // Three ways to read a batch: every file streamed (bounded), the batch parsed before its
            // transaction (default: these batches are small), or each whole file parsed into the COPY (no
            // file streamed, but any batch of several files too large to parse ahead).
            var mode = random.Next(3);
            var bounded = mode == 0;
            var options = new LoaderOptions
            {
                BatchFiles = random.Next(1, order.Length + 1),
                OrderByDigestDate = random.Next(2) == 0,
                StreamAboveBytes = mode switch { 0 => 0, 1 => new LoaderOptions().StreamAboveBytes, _ => largestFile },
                ReconcileKeys = bounded ? random.Next(1, 30) : new LoaderOptions().ReconcileKeys,
                SetKeysAside = random.Next(4) != 0,  // most batches here are large: a quarter of the loads check every row instead
            };

            await using var database = await TestCluster.CreateDatabaseAsync();
            var start = 0;
            for (var run = 1; run <= runs; run++)
            {
                var end = run == runs ? order.Length : random.Next(start, order.Length + 1);
                await database.LoadAsync(order[start..end], options);
                start = end;
            }

            var actual = await database.DumpAsync();
            var differences = ExpectedDump.Differences(actual, expected);
            Assert.True(differences.Count == 0, $"seed {seed} ({runs} runs, batches of {options.BatchFiles} files, by date: {options.OrderByDigestDate}, streamed above {options.StreamAboveBytes} bytes, {options.ReconcileKeys} papers per range, keys set aside: {options.SetKeysAside}): {string.Join(Environment.NewLine, differences)}");

            if (seed % 5 == 0)
            {
                var again = await database.LoadAsync(order, options);
                Assert.Equal(order.Length, again.FilesAlreadyLoaded);
                Assert.Equal(actual, await database.DumpAsync());
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_corpus))
        {
            Directory.Delete(_corpus, recursive: true);
        }
    }
}
