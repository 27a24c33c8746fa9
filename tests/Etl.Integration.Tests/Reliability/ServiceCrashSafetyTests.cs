using Etl.Core.Generation;
using Etl.Integration.Tests.Infrastructure;
using Etl.Integration.Tests.Service;
using Xunit;
using Xunit.Abstractions;

namespace Etl.Integration.Tests.Reliability;

/// <summary>
/// <c>etl serve</c> killed (SIGKILL) at random points of a backfill, then started again each time: no file
/// is ever half loaded, and the warehouse ends exactly as an uninterrupted <c>etl ingest</c> leaves it.
/// </summary>
[Collection(ServiceTestGroup.Name)]
public sealed class ServiceCrashSafetyTests(ITestOutputHelper log) : IDisposable
{
    private const int Kills = 10;
    private readonly string _folder = Directory.CreateTempSubdirectory("etl-serve-crash-").FullName;

    [Fact]
    public async Task Killing_serve_at_random_points_loses_nothing_and_a_restart_completes()
    {
        var inbox = Path.Combine(_folder, "inbox");
        CorpusWriter.Write(inbox, new GeneratorOptions { Papers = 900, Seed = 17, IncludeBadEntries = true });
        await using var uninterrupted = await TestCluster.CreateDatabaseAsync();
        var (exit, output) = await EtlProcess.RunAsync(["ingest", inbox, "--connection", uninterrupted.ConnectionString, "--quiet"]);
        Assert.True(exit == 2, output); // the corpus has bad entries and files that are not digests
        var expectedDigests = await uninterrupted.CountAsync("SELECT count(*) FROM warehouse.digests");

        // Small jobs, so a kill lands between, inside and after batches; seeded, so a failure can be replayed.
        await using var database = await TestCluster.CreateDatabaseAsync();
        string[] serve = ["--connection", database.ConnectionString, "--inbox", inbox, "--urls", "http://127.0.0.1:0"];
        var random = new Random(20261125);
        for (var kill = 1; kill <= Kills; kill++)
        {
            var (process, _) = await ServeProcess.StartAsync(serve, ("Service__JobMegabytes", "1"));
            await Task.Delay(random.Next(200, 3_000));
            await process.DisposeAsync(); // SIGKILL: no shutdown, no rollback but the server's own
            await WarehouseInvariants.AssertNoPartialFileAsync(database, $"after kill {kill}");
        }

        var digestsBeforeLastStart = await database.CountAsync("SELECT count(*) FROM warehouse.digests");
        var (last, _) = await ServeProcess.StartAsync(serve, ("Service__JobMegabytes", "1"));
        await using (last)
        {
            // Jobs of killed processes are taken over once Hangfire sees their worker gone (about a minute).
            await Eventually.WaitAsync(
                async () => await database.CountAsync("SELECT count(*) FROM warehouse.digests") == expectedDigests,
                TimeSpan.FromMinutes(4),
                $"all {expectedDigests} contents in warehouse.digests after {Kills} kills\n{last.Output}");
            var (_, exitCode) = await last.TerminateAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(0, exitCode);
        }

        await WarehouseInvariants.AssertNoPartialFileAsync(database, "after the completed run");
        await WarehouseInvariants.AssertSameWarehouseAsync(uninterrupted, database);
        log.WriteLine($"{Kills} kills; {digestsBeforeLastStart} of {expectedDigests} contents were loaded before the last start");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
