using Microsoft.Playwright;

namespace Etl.Integration.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (or <c>CHROMIUM_PATH</c>), headless, through Playwright: the browser the page tests look
/// at pages with. Playwright's own browser download cannot work here; <c>.ci/run</c> installs the package.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly string[] Arguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static string Path => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        Xunit.Assert.True(File.Exists(Path), $"no Chromium at {Path}: install the Debian package 'chromium' (.ci/run does) or set CHROMIUM_PATH");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Path, Headless = true, Args = Arguments });
    }
}
