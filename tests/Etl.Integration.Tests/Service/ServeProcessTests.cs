using Etl.Data.Discovery;
using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Service;

/// <summary>Real <c>etl serve</c> processes sharing one database and one inbox.</summary>
[Collection(ServiceTestGroup.Name)]
public sealed class ServeProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("etl-serve-").FullName;

    [Fact]
    public async Task Two_processes_load_the_seeds_and_50_generated_files_exactly_once_like_a_sequential_ingest_and_stop_on_SIGTERM()
    {
        var source = Path.Combine(_folder, "source");
        var inbox = Path.Combine(_folder, "inbox");
        var files = ServiceCorpus.Write(source, generated: 50, withSeeds: true);
        var contents = ServiceCorpus.DistinctContents(files);
        await using var served = await TestCluster.CreateDatabaseAsync();
        string[] args = ["--connection", served.ConnectionString, "--inbox", inbox, "--urls", "http://127.0.0.1:0", "--workers", "2"];
        var (first, _) = await ServeProcess.StartAsync(args);
        await using var firstProcess = first;
        var (second, _) = await ServeProcess.StartAsync(args);
        await using var secondProcess = second;

        ServiceCorpus.Drop(files, inbox);
        await Eventually.WaitAsync(
            async () => await served.CountAsync("SELECT count(*) FROM warehouse.digests") == contents,
            TimeSpan.FromSeconds(120),
            $"all {contents} contents in warehouse.digests\n--- first ---\n{first.Output}\n--- second ---\n{second.Output}");

        await using var sequential = await TestCluster.CreateDatabaseAsync();
        await sequential.LoadAsync(DigestFileFinder.Find([source]));
        Assert.Equal(await sequential.DumpAsync(), await served.DumpAsync());
        const string evidence = "SELECT count(*) FROM warehouse.evidence";
        Assert.Equal(await sequential.CountAsync(evidence), await served.CountAsync(evidence));
        Assert.Equal(contents, await served.CountAsync("SELECT count(*) FROM warehouse.digests"));

        foreach (var process in new[] { first, second })
        {
            var (elapsed, exitCode) = await process.TerminateAsync(TimeSpan.FromSeconds(20));
            Assert.True(exitCode == 0, process.Output);
            Assert.True(elapsed < TimeSpan.FromSeconds(20), $"took {elapsed}");
        }

        // Each process logged the files it loaded, one line each; together every file once.
        var loadedLines = System.Text.RegularExpressions.Regex.Count(first.Output + second.Output, @" (loaded|loaded_with_rejections|rejected): \d+ entries");
        Assert.Equal(contents, loadedLines);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
