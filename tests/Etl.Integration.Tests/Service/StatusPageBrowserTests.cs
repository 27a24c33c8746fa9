using System.Globalization;
using Etl.Integration.Tests.Infrastructure;
using Etl.Service;
using Etl.Tests;
using Microsoft.Playwright;
using Xunit;

namespace Etl.Integration.Tests.Service;

/// <summary>
/// The status page in headless Chromium (the Debian package, driven by Playwright; <c>.ci/run</c> installs
/// it). Saves the screenshot that docs/service.md shows.
/// </summary>
[Collection(ServiceTestGroup.Name)]
public sealed class StatusPageBrowserTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("etl-status-").FullName;

    [Fact]
    public async Task After_loading_the_seeds_the_page_shows_the_totals_and_a_rejected_files_reason()
    {
        var inbox = Path.Combine(_folder, "inbox");
        var source = Path.Combine(_folder, "source");
        Directory.CreateDirectory(source);

        // The shared seeds when present, else the repository's samples.
        var digests = SharedSamples.Available
            ? SharedSamples.Files("seeds")
            : Directory.GetFiles(Path.Combine(SharedSamples.RepositoryRoot, "samples", "detailed"), "*.md", SearchOption.AllDirectories);
        var files = digests.Select((file, i) =>
        {
            var copy = Path.Combine(source, $"{i:000}_{Path.GetFileName(file)}");
            File.Copy(file, copy);
            return copy;
        }).ToList();
        var notes = Path.Combine(source, "meeting-notes.md");
        File.WriteAllText(notes, "# Meeting notes\nnot a digest at all\n");
        files.Add(notes);
        var contents = ServiceCorpus.DistinctContents(files);

        await using var database = await TestCluster.CreateDatabaseAsync();
        await using var service = await RunningService.StartAsync(database.ConnectionString, new ServiceOptions { Inbox = { inbox } });
        ServiceCorpus.Drop(files, inbox);
        await Eventually.WaitAsync(async () => await database.CountAsync("SELECT count(*) FROM warehouse.digests") == contents, TimeSpan.FromSeconds(60), "every file handled");
        var papers = await database.CountAsync("SELECT count(*) FROM report.papers");
        var entries = await database.CountAsync("SELECT coalesce(sum(entries), 0) FROM warehouse.digests");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(service.Url, "/").ToString());

        Assert.Equal(papers.ToString("N0", CultureInfo.InvariantCulture), await page.InnerTextAsync("#total-papers"));
        Assert.Equal(entries.ToString("N0", CultureInfo.InvariantCulture), await page.InnerTextAsync("#total-entries"));
        Assert.Equal(contents.ToString("N0", CultureInfo.InvariantCulture), await page.InnerTextAsync("#total-files"));
        Assert.Equal("1", await page.InnerTextAsync("#total-rejected-files"));
        var rejected = await page.InnerTextAsync("#rejected");
        Assert.Contains("meeting-notes.md", rejected, StringComparison.Ordinal);
        Assert.Contains("line 1: not a digest: found '# Meeting notes'", rejected, StringComparison.Ordinal);
        Assert.Equal(contents, await page.Locator("#recent tbody tr").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SharedSamples.RepositoryRoot, "docs", "service-status.png"), FullPage = true });

        // The report page (the same renderer as etl report --html) is served beside the status page.
        await page.ClickAsync("nav >> text=Reports");
        Assert.True(await page.Locator("svg").CountAsync() >= 5, "the report page draws its charts");

        await page.GotoAsync(new Uri(service.Url, "/").ToString());
        await page.ClickAsync("text=Hangfire dashboard");
        Assert.Contains("etl serve", await page.TitleAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
