using Etl.Data.Discovery;
using Etl.Service;
using Etl.Service.Endpoints;
using Etl.Service.Inbox;
using Etl.Service.Jobs;
using Etl.Service.Security;
using Etl.Service.Status;
using Xunit;

namespace Etl.Integration.Tests.Service;

/// <summary>The service's pure rules: which files, where they go, how a backfill is cut, who may look.</summary>
public sealed class InboxRuleTests
{
    [Theory]
    [InlineData("/in/2020-01-06.md", true)]
    [InlineData("/in/cs.CV/2020-01-06.txt", true)]
    [InlineData("/in/DIGEST.MD", true)]
    [InlineData("/in/2020-01-06.md.tmp", false)]
    [InlineData("/in/2020-01-06.md.partial", false)]
    [InlineData("/in/2020-01-06.partial", false)]
    [InlineData("/in/.2020-01-06.md.Xy12ab", false)]
    [InlineData("/in/.hidden.md", false)]
    [InlineData("/in/notes.pdf", false)]
    [InlineData("/in/notes.md.reason.txt", false)]
    [InlineData("/in/archive/cs.CV/2020-01-06/a.md", false)]
    [InlineData("/in/archived/a.md", true)]
    public void Candidates(string path, bool picked) =>
        Assert.Equal(picked, InboxPaths.IsCandidate(path, ["/in/archive"]));

    [Theory]
    [InlineData("loaded", "cs.CV", "2020-09-30", "/a", "/q", "/a/cs.CV/2020-09-30/x.md", null)]
    [InlineData("loaded_with_rejections", "math.AG", "2021-01-02", "/a", null, "/a/math.AG/2021-01-02/x.md", null)]
    [InlineData("loaded", "cs.CV", "2020-09-30", null, "/q", null, null)]
    [InlineData("rejected", null, null, "/a", "/q", "/q/x.md", "line 1: not a digest")]
    [InlineData("rejected", null, null, "/a", null, null, null)]
    [InlineData("loaded", "../../etc", "2020-09-30", "/a", null, "/a/_.._etc/2020-09-30/x.md", null)]
    [InlineData("loaded", "..", null, "/a", null, "/a/uncategorized/undated/x.md", null)]
    public void Placement_by_outcome(string outcome, string? category, string? date, string? archive, string? quarantine, string? destination, string? reason)
    {
        var content = new StoredContent(new string('a', 64), outcome, category, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), reason);
        var placement = FilePlacement.For("/in/x.md", content, archive, quarantine);
        Assert.Equal(destination, placement?.Destination);
        Assert.Equal(reason, placement?.Reason);
    }

    [Fact]
    public void A_taken_destination_gets_the_contents_hash_in_its_name() =>
        Assert.Equal("/a/cs.CV/2020-09-30/x.0123456789ab.md", FilePlacement.Disambiguate("/a/cs.CV/2020-09-30/x.md", "0123456789abcdef" + new string('0', 48)));

    [Fact]
    public void A_backfill_is_cut_in_digest_date_order_into_jobs_of_bounded_size()
    {
        DigestFile File(string path, long bytes, int day) => new(path, bytes, new byte[32], day == 0 ? null : new DateOnly(2020, 1, day));
        var chunks = JobChunks.Split([File("/c", 40, 3), File("/a", 40, 1), File("/junk", 10, 0), File("/b", 40, 2), File("/d", 40, 3)], maxBytes: 100, maxFiles: 10);

        Assert.Equal([["/a", "/b", "/c"], ["/d", "/junk"]], chunks.Select(chunk => chunk.Select(file => file.Path).ToArray()).ToArray());
        Assert.Equal(3, JobChunks.Split([File("/a", 1, 1), File("/b", 1, 1), File("/c", 1, 1)], maxBytes: 100, maxFiles: 1).Count);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://192.168.1.5:5080", false)]
    public void Loopback_urls(string url, bool loopback) => Assert.Equal(loopback, AccessGate.IsLoopbackUrl(url));

    [Fact]
    public void Listening_beyond_this_machine_needs_credentials()
    {
        var options = new ServiceOptions { Urls = "http://127.0.0.1:5080;http://0.0.0.0:5080" };
        var refused = Assert.Throws<ServiceConfigurationException>(() => AccessGate.Validate(options));
        Assert.Contains("Service:AuthUser", refused.Message, StringComparison.Ordinal);

        options.AuthUser = "ops";
        options.AuthPassword = "long secret";
        AccessGate.Validate(options);
    }

    [Fact]
    public void The_status_page_encodes_what_comes_from_files()
    {
        var at = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var html = StatusPage.Render(new StatusSnapshot(
            new WarehouseTotals(1234, 2, 3, 4, 1, 5, 0),
            [new FileActivity("/in/<b>.md", "loaded", 5, 0, 0.5, 1, at, null)],
            [new RejectedFile("/in/<script>.md", "line 1: not a digest: found '<script>alert(1)</script>'", at)],
            new QueueDepth(7, 1, 0, 0),
            at,
            ["/in"],
            at));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<b id=\"total-papers\">1,234</b>", html, StringComparison.Ordinal);
        Assert.Contains("7 waiting, 1 running", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/hangfire\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/metrics\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_load_under_way_shows_its_progress_on_the_status_page_until_it_ends()
    {
        var at = new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
        var underway = new LoadsUnderway();
        StatusSnapshot Status() => new(new WarehouseTotals(0, 0, 0, 0, 0, 0, 0), [], [], new QueueDepth(0, 1, 0, 0), at, ["/in"], at) { Underway = underway.Current() };

        var load = underway.Start(["/in/arxiv-metadata-oai-snapshot.json"]);
        Assert.Contains("Loading <code>/in/arxiv-metadata-oai-snapshot.json</code>: starting", StatusPage.Render(Status()), StringComparison.Ordinal);

        load.Report(new Etl.Data.Loading.LoadProgress(0, 1, 250_000, 400L << 20, 1600L << 20, TimeSpan.FromSeconds(50)));
        var html = StatusPage.Render(Status());
        Assert.Contains("<progress max=\"1000\" value=\"250\"></progress>", html, StringComparison.Ordinal);
        Assert.Contains("250,000 entries, 5,000 entries/s, 400/1,600 MB, ETA 00:02:30", html, StringComparison.Ordinal);

        load.Dispose();
        Assert.DoesNotContain("Loading", StatusPage.Render(Status()), StringComparison.Ordinal);
    }
}
