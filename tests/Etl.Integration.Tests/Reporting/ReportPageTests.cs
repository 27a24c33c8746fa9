using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Microsoft.Playwright;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>
/// The page <c>etl report --html</c> writes, opened in a real headless Chromium (the Debian package; no
/// download): it loads without errors and every chart has the bars or points the warehouse implies.
/// The screenshot is kept as docs/report.png.
/// </summary>
public sealed class ReportPageTests(SeedsWarehouse seeds) : IClassFixture<SeedsWarehouse>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("etl-report-page-").FullName;

    [SharedSamplesFact]
    public async Task The_page_loads_cleanly_and_draws_what_the_views_hold()
    {
        var file = Path.Combine(_folder, "report.html");
        var (exitCode, output) = await EtlProcess.RunAsync(["report", "--html", file, "--connection", seeds.Database.ConnectionString]);
        Assert.True(exitCode == 0, output);
        var html = await File.ReadAllTextAsync(file);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 860, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url}");
        await page.GotoAsync(new Uri(file).AbsoluteUri);

        Assert.Empty(errors);
        Assert.Equal("arXiv digest warehouse: report", await page.TitleAsync());

        // The file has no server to answer a search: the box is disabled and says where search works.
        Assert.True(await page.IsDisabledAsync("#search input[name=q]"));
        Assert.Contains("Search needs the service", await page.InnerTextAsync("#search-needs-service"), StringComparison.Ordinal);

        // Expectations from the views themselves.
        var months = await seeds.Database.CountAsync("SELECT count(DISTINCT month) FROM report.category_trends");
        var categories = await seeds.Database.CountAsync("SELECT least(6, count(DISTINCT category)) FROM report.category_trends");
        var days = await seeds.Database.CountAsync("SELECT least(60, count(DISTINCT submission_date)) FROM report.daily_submissions");
        var authors = await seeds.Database.CountAsync("SELECT least(15, count(*)) FROM report.authors");
        var quality = await seeds.Database.CountAsync("SELECT count(*) FROM report.data_quality");
        Assert.Equal(months * categories, await page.Locator("svg[data-chart=monthly-categories] circle.point").CountAsync());
        Assert.Equal(days, await page.Locator("svg[data-chart=daily-submissions] rect.bar").CountAsync());
        Assert.Equal(authors, await page.Locator("svg[data-chart=top-authors] rect.bar").CountAsync());
        Assert.Equal(quality, await page.Locator("svg[data-chart=data-quality] rect.bar").CountAsync());

        // Checked by hand on the seeds: 3 months (2020-09, 2020-11, 2021-05) x 6 categories; 15 authors;
        // six buckets of revision time; 10 data-quality figures (2 formats only-from, rejected files,
        // rejected entries, duplicates, 2 formats with differing versions, 1 pair of formats, mojibake repairs,
        // papers left out of the co-author pairs).
        Assert.Equal((3 * 6, 15, 6, 10), (months * categories, authors, await page.Locator("svg[data-chart=revision-times] rect.bar").CountAsync(), quality));
        // 2009.14721's revision came 136 days after v1: the 3-6 months bucket holds it.
        Assert.True(double.Parse(await page.Locator("svg[data-chart=revision-times] rect.bar[data-label='3-6 months']").GetAttributeAsync("data-value") ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 1);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SharedSamples.RepositoryRoot, "docs", "report.png"), FullPage = true });
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
