using Etl.Integration.Tests.Infrastructure;
using Etl.Integration.Tests.Service;
using Etl.Service;
using Etl.Tests;
using Microsoft.Playwright;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>
/// The search box of the report page in headless Chromium: the service answers it with the same rows as
/// report.search_papers, highlighted and linked to arxiv.org; the screenshot is docs/search.png.
/// </summary>
[Collection(ServiceTestGroup.Name)]
public sealed class SearchPageTests(SeedsWarehouse seeds) : IClassFixture<SeedsWarehouse>, IDisposable
{
    private readonly string _inbox = Directory.CreateTempSubdirectory("etl-search-page-").FullName;

    [SharedSamplesFact]
    public async Task The_service_answers_the_search_box_with_highlighted_results_linked_to_arxiv()
    {
        await using var service = await RunningService.StartAsync(seeds.Database.ConnectionString, new ServiceOptions { Inbox = { _inbox } });
        var expected = await seeds.Database.CountAsync("SELECT count(*) FROM report.search_papers('segmentation -medical', 'cs.CV')");
        Assert.True(expected > 3, $"the seeds must give several results, gave {expected}");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 860, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type is "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync(new Uri(service.Url, "/reports").ToString());

        // As a person would: type the query and a category, press Search.
        await page.FillAsync("#search input[name=q]", "segmentation -medical");
        await page.FillAsync("#search input[name=category]", "cs.CV");
        await page.ClickAsync("#search button");
        await page.WaitForSelectorAsync("#search-count");

        Assert.Empty(errors);
        Assert.Equal(expected, await page.Locator("ol.results li").CountAsync());
        Assert.Equal(await FirstAsync("SELECT arxiv_id FROM report.search_papers('segmentation -medical', 'cs.CV') LIMIT 1"), await page.Locator("ol.results li").First.GetAttributeAsync("data-arxiv-id"));
        var href = await page.Locator("ol.results li a").First.GetAttributeAsync("href");
        Assert.StartsWith("https://arxiv.org/abs/", href, StringComparison.Ordinal);
        Assert.True(await page.Locator("ol.results li .snippet mark").CountAsync() >= expected, "each snippet highlights the matched word");
        Assert.Equal("segmentation", (await page.Locator("ol.results li .snippet mark").First.InnerTextAsync()).ToLowerInvariant());
        Assert.Equal("segmentation -medical", await page.InputValueAsync("#search input[name=q]"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SharedSamples.RepositoryRoot, "docs", "search.png"), Clip = new Clip { X = 0, Y = 0, Width = 860, Height = 900 } });

        // A malformed date is said, not a server error.
        await page.GotoAsync(new Uri(service.Url, "/reports?q=inpainting&since=30.09.2020").ToString());
        Assert.Contains("YYYY-MM-DD", await page.InnerTextAsync("#search-problem"), StringComparison.Ordinal);
    }

    private async Task<string> FirstAsync(string sql) => await seeds.Database.ScalarAsync<string>(sql);

    public void Dispose() => Directory.Delete(_inbox, recursive: true);
}
