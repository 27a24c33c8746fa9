using System.Security.Cryptography;
using Etl.Data.Discovery;
using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Etl.Service;
using Etl.Service.Inbox;
using Etl.Service.Jobs;
using Etl.Tests;
using Hangfire;
using Xunit;
using Xunit.Abstractions;

namespace Etl.Integration.Tests.Service;

/// <summary>The service's host in the test process (real Kestrel, Hangfire and PostgreSQL).</summary>
[Collection(ServiceTestGroup.Name)]
public sealed class ServiceTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("etl-service-").FullName;

    private string Inbox => Path.Combine(_folder, "inbox");

    private static string Sample(string relative) => Path.Combine(SharedSamples.RepositoryRoot, "samples", relative);

    [Fact]
    public async Task A_dropped_file_is_in_report_papers_within_seconds_and_temporary_files_are_ignored()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await using var service = await RunningService.StartAsync(database.ConnectionString, new ServiceOptions { Inbox = { Inbox } });
        await Eventually.WaitAsync(() => Task.FromResult(service.Get<Etl.Service.Status.ActivityLog>().LastScan() is not null), Generous, "the start-up scan ran");

        // Still being downloaded: never picked up.
        File.Copy(Sample("detailed/cs.CV/2020-01-06.md"), Path.Combine(Inbox, "2020-01-06.md.tmp"));
        File.Copy(Sample("detailed/cs.CV/2020-01-07.md"), Path.Combine(Inbox, "2020-01-07.md.partial"));

        File.Copy(Sample("detailed/cs.CL/2020-01-06.md"), Path.Combine(Inbox, "scratch"));
        File.Move(Path.Combine(Inbox, "scratch"), Path.Combine(Inbox, "cs.CL-2020-01-06.md"));
        var latency = await Eventually.WaitAsync(
            async () => await database.CountAsync("SELECT count(*) FROM report.papers") > 0, Generous, "the dropped file's papers in report.papers");
        output.WriteLine($"dropped file visible in report.papers after {latency.TotalMilliseconds:0} ms");

        await Task.Delay(service.Options.StableFor * 3);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM warehouse.digests"));
    }

    [Fact]
    public async Task The_same_file_enqueued_twice_on_purpose_is_loaded_once()
    {
        var file = Path.Combine(_folder, "digest.md");
        File.Copy(Sample("detailed/cs.LG/2020-01-07.md"), file);
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        await using var database = await TestCluster.CreateDatabaseAsync();
        await using var service = await RunningService.StartAsync(database.ConnectionString, new ServiceOptions { Inbox = { Inbox }, Workers = 2 });

        var jobs = service.Get<IBackgroundJobClient>();
        var carried = new[] { new InboxFile(file, sha, new FileInfo(file).Length) };
        string[] ids = [jobs.Enqueue<LoadFilesJob>(job => job.RunAsync(carried, CancellationToken.None)), jobs.Enqueue<LoadFilesJob>(job => job.RunAsync(carried, CancellationToken.None))];
        var storage = service.Get<JobStorage>();
        await Eventually.WaitAsync(
            () =>
            {
                using var connection = storage.GetConnection();
                return Task.FromResult(ids.All(id => connection.GetStateData(id)?.Name == "Succeeded"));
            },
            Generous,
            "both jobs succeeded");

        await using var once = await TestCluster.CreateDatabaseAsync();
        await once.LoadAsync([file]);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM warehouse.digests"));
        const string evidence = "SELECT count(*) FROM warehouse.evidence";
        Assert.Equal(await once.CountAsync(evidence), await database.CountAsync(evidence));
        Assert.Equal(await once.DumpAsync(), await database.DumpAsync());
    }

    [Fact]
    public async Task A_non_digest_file_is_rejected_once_and_quarantined_while_the_service_keeps_running()
    {
        var quarantine = Path.Combine(_folder, "quarantine");
        var archive = Path.Combine(_folder, "archive");
        await using var database = await TestCluster.CreateDatabaseAsync();
        await using var service = await RunningService.StartAsync(
            database.ConnectionString, new ServiceOptions { Inbox = { Inbox }, Quarantine = quarantine, Archive = archive });

        File.WriteAllText(Path.Combine(Inbox, "notes.md"), "# My notes\n");
        // The reason is written before the file moves, so a quarantined file always has one.
        await Eventually.WaitAsync(() => Task.FromResult(File.Exists(Path.Combine(quarantine, "notes.md"))), Generous, "notes.md quarantined");
        Assert.Contains("line 1: not a digest", File.ReadAllText(Path.Combine(quarantine, "notes.md.reason.txt")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(quarantine, "notes.md")));
        Assert.False(File.Exists(Path.Combine(Inbox, "notes.md")));

        // The same content again, under another name: known, so quarantined without being recorded twice.
        File.WriteAllText(Path.Combine(Inbox, "notes-again.md"), "# My notes\n");
        await Eventually.WaitAsync(() => Task.FromResult(!File.Exists(Path.Combine(Inbox, "notes-again.md"))), Generous, "the copy left the inbox");

        // Still serving: a digest dropped now loads and is archived by category and date.
        File.Copy(Sample("detailed/cs.IR/2020-01-08.md"), Path.Combine(Inbox, "ir.md"));
        await Eventually.WaitAsync(() => Task.FromResult(File.Exists(Path.Combine(archive, "cs.IR", "2020-01-08", "ir.md"))), Generous, "ir.md archived");

        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM warehouse.digests WHERE outcome = 'rejected'"));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM warehouse.rejections"));
        Assert.True(await database.CountAsync("SELECT count(*) FROM report.papers") > 0);
        using var http = new HttpClient { BaseAddress = service.Url };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Contents_whose_jobs_could_not_be_enqueued_stay_unclaimed_for_the_next_scan()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await using var service = await RunningService.StartAsync(database.ConnectionString, new ServiceOptions { Inbox = { Inbox } });
        var pending = service.Get<PendingFiles>();
        string[] contents = ["c0ffee", "decade"];

        // The database went away while the scan enqueued: nothing may stay claimed without a job.
        Assert.Throws<InvalidOperationException>(() => pending.Claim(contents, _ => throw new InvalidOperationException("the database went away")));
        var enqueued = new List<string>();
        Assert.Equal(contents, pending.Claim(contents, enqueued.AddRange).Order(StringComparer.Ordinal));
        Assert.Equal(contents, enqueued.Order(StringComparer.Ordinal));
        Assert.Empty(pending.Claim(contents, _ => Assert.Fail("claimed twice")));
    }

    [Fact]
    public async Task A_file_loaded_but_not_moved_before_a_crash_is_moved_by_the_next_scan()
    {
        var archive = Path.Combine(_folder, "archive");
        Directory.CreateDirectory(Inbox);
        var file = Path.Combine(Inbox, "cv.md");
        File.Copy(Sample("detailed/cs.CV/2020-01-08.md"), file);
        await using var database = await TestCluster.CreateDatabaseAsync();

        // The load committed, then the process died before moving the file.
        await database.LoadAsync([file]);
        await using var service = await RunningService.StartAsync(database.ConnectionString, new ServiceOptions { Inbox = { Inbox }, Archive = archive });

        await Eventually.WaitAsync(() => Task.FromResult(File.Exists(Path.Combine(archive, "cs.CV", "2020-01-08", "cv.md"))), Generous, "cv.md archived");
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM warehouse.digests"));
    }

    [Fact]
    public async Task A_drain_left_to_a_load_that_never_came_is_done_by_the_next_scan_that_finds_nothing_new()
    {
        Directory.CreateDirectory(Inbox);
        await using var database = await TestCluster.CreateDatabaseAsync();

        // A job loaded its file and left the report stores to a job queued behind it, which then failed for good.
        await new WarehouseLoader(database.DataSource, database.Retry).LoadAsync([Sample("detailed/cs.CV/2020-01-08.md")], laterLoadDrains: () => true);
        Assert.True(await database.CountAsync("SELECT count(*) FROM report_store.dirty_papers") > 0);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM report.authors"));

        // The start-up scan finds an empty inbox, no load running and none waiting.
        await using var service = await RunningService.StartAsync(database.ConnectionString, new ServiceOptions { Inbox = { Inbox } });
        await Eventually.WaitAsync(
            async () => await database.CountAsync("SELECT count(*) FROM report_store.dirty_papers") == 0, Generous, "the scan drained what the load left");
        Assert.True(await database.CountAsync("SELECT count(*) FROM report.authors") > 0);
        Assert.Equal(
            await database.CountAsync("SELECT count(*) FROM warehouse.papers"),
            await database.CountAsync("SELECT count(*) FROM report_store.paper_search"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
