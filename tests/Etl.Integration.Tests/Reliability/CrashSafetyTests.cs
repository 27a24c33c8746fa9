using System.Diagnostics;
using System.Text;
using Etl.Core.Generation;
using Etl.Data.Discovery;
using Etl.Integration.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit;

namespace Etl.Integration.Tests.Reliability;

/// <summary>
/// <c>etl ingest</c> killed (SIGKILL) at random points of a multi-file load, then run again: no file is
/// ever half loaded, and the warehouse ends exactly as an uninterrupted load leaves it.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper log) : IDisposable
{
    private const int Kills = 10;
    private readonly string _corpus = Directory.CreateTempSubdirectory("etl-crash-").FullName;

    [Fact]
    public async Task Killing_ingest_at_random_points_loses_nothing_and_a_rerun_completes()
    {
        CorpusWriter.Write(_corpus, new GeneratorOptions { Papers = 900, Seed = 17, IncludeBadEntries = true });
        File.WriteAllText(Path.Combine(_corpus, "not-a-digest.md"), "# Shopping list\n- milk\n");
        await using var uninterrupted = await TestCluster.CreateDatabaseAsync();
        var clock = Stopwatch.StartNew();
        var (exit, output) = await EtlProcess.RunAsync(Ingest(uninterrupted));
        Assert.True(exit == 2, output); // the corpus has bad entries and one file that is not a digest
        var loadMilliseconds = (int)clock.ElapsedMilliseconds;

        // Each round loads into a fresh warehouse, killing runs until one completes; rounds go on until
        // there were enough kills. Seeded, so a failure can be replayed.
        var random = new Random(20261125);
        int kills = 0, midLoad = 0;
        while (kills < Kills)
        {
            await using var database = await TestCluster.CreateDatabaseAsync();
            while (true)
            {
                var log = new StringBuilder();
                using var process = EtlProcess.Start(Ingest(database), log);
                var exited = process.WaitForExitAsync();
                // Once there were enough kills, the run is left to finish.
                await Task.WhenAny(exited, Task.Delay(kills < Kills ? random.Next(loadMilliseconds / 3, loadMilliseconds) : Timeout.Infinite));
                if (process.HasExited)
                {
                    // 2 when this run met the rejected entries; 0 when a killed run had already committed them all.
                    Assert.True(process.ExitCode is 0 or 2, log.ToString());
                    break;
                }

                process.Kill(entireProcessTree: true);
                await exited;
                kills++;
                await WarehouseInvariants.AssertNoPartialFileAsync(database, $"after kill {kills}");
                var digests = await database.CountAsync("SELECT count(*) FROM warehouse.digests");
                midLoad += digests > 0 && digests < await uninterrupted.CountAsync("SELECT count(*) FROM warehouse.digests") ? 1 : 0;
            }

            await WarehouseInvariants.AssertNoPartialFileAsync(database, "after the completed run");
            await WarehouseInvariants.AssertSameWarehouseAsync(uninterrupted, database);
        }

        log.WriteLine($"uninterrupted load {loadMilliseconds} ms; {kills} kills, {midLoad} of them with some batches committed and some not");
    }

    [Fact]
    public async Task Killing_reparse_at_random_points_loses_nothing_and_a_rerun_completes()
    {
        CorpusWriter.Write(_corpus, new GeneratorOptions { Papers = 300, Seed = 19, IncludeBadEntries = true });
        await using var fresh = await TestCluster.CreateDatabaseAsync();
        await fresh.LoadAsync(DigestFileFinder.Find([_corpus]));
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.LoadAsync(DigestFileFinder.Find([_corpus]));
        await database.ExecuteAsync("UPDATE warehouse.digests SET rules_version = 1; UPDATE warehouse.evidence SET title = 'stale'");
        string[] reparse = ["reparse", "--connection", database.ConnectionString];
        var clock = Stopwatch.StartNew();
        var (exit, output) = await EtlProcess.RunAsync(["reparse", "--all", "--connection", database.ConnectionString]);
        Assert.True(exit == 0, output);
        var reparseMilliseconds = (int)clock.ElapsedMilliseconds;
        await database.ExecuteAsync("UPDATE warehouse.digests SET rules_version = 1; UPDATE warehouse.evidence SET title = 'stale'");

        var random = new Random(11);
        for (var kill = 1; kill <= 5; kill++)
        {
            using var process = EtlProcess.Start(reparse, new StringBuilder());
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(random.Next(reparseMilliseconds / 3, reparseMilliseconds)));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await WarehouseInvariants.AssertNoPartialFileAsync(database, $"after reparse kill {kill}");
        }

        // However far the killed runs got, the warehouse still says whether a reparse is due, and one finishes it.
        (exit, output) = await EtlProcess.RunAsync(reparse);
        Assert.True(exit == 0, output);
        await WarehouseInvariants.AssertSameWarehouseAsync(fresh, database);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM warehouse.digests WHERE rules_version = 1"));
    }

    private string[] Ingest(TestDatabase database) => ["ingest", _corpus, "--connection", database.ConnectionString, "--batch-mb", "1", "--quiet"];

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
