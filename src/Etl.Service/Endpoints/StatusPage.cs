using System.Globalization;
using System.Text;
using Etl.Service.Status;
using static System.Net.WebUtility;

namespace Etl.Service.Endpoints;

/// <summary>
/// The status page people read (pure: snapshot in, HTML out). Plain server-rendered HTML that refreshes
/// itself every 10 seconds; no script, no build step. Everything from files or the database is encoded.
/// </summary>
public static class StatusPage
{
    public static string Render(StatusSnapshot status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var html = new StringBuilder(16 * 1024);
        var t = status.Totals;
        var inboxes = string.Join(", ", status.Inboxes.Select(folder => $"<code>{HtmlEncode(folder)}</code>"));
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="refresh" content="10">
            <title>etl serve: status</title>
            <style>
              body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
              h1 { font-size: 1.4em; margin: 0 0 .2em; } h2 { font-size: 1.1em; margin-top: 1.6em; }
              nav a { margin-right: 1.2em; }
              .totals { display: flex; flex-wrap: wrap; gap: .8em; margin: 1em 0; }
              .totals div { border: 1px solid #ccd; border-radius: 6px; padding: .5em 1em; min-width: 8em; }
              .totals b { display: block; font-size: 1.5em; }
              table { border-collapse: collapse; width: 100%; }
              th, td { text-align: left; padding: .25em .6em; border-bottom: 1px solid #eee; vertical-align: top; }
              td.n { text-align: right; font-variant-numeric: tabular-nums; }
              .rejected { color: #a00; } .muted { color: #777; }
              code { font-size: .92em; }
            </style>
            </head>
            <body>
            <h1>arXiv digest warehouse: ingestion service</h1>
            <nav><a href="/reports">Reports</a><a href="/hangfire">Hangfire dashboard</a><a href="/metrics">Prometheus metrics</a><a href="/healthz">Health</a></nav>
            <p class="muted">Inbox: {{inboxes}} ·
              last scan: <span id="last-scan">{{When(status.LastScan)}}</span> ·
              queue: <span id="queue">{{status.Queue.Enqueued}} waiting, {{status.Queue.Processing}} running, {{status.Queue.Scheduled}} scheduled, {{status.Queue.Failed}} failed</span> ·
              page read at {{When(status.At)}}</p>
            <section class="totals" id="totals">
              <div><b id="total-papers">{{t.Papers:N0}}</b>papers</div>
              <div><b id="total-versions">{{t.Versions:N0}}</b>versions</div>
              <div><b id="total-authors">{{t.Authors:N0}}</b>authors</div>
              <div><b id="total-files">{{t.Files:N0}}</b>files</div>
              <div><b id="total-entries">{{t.Entries:N0}}</b>entries</div>
              <div><b id="total-rejected-files">{{t.RejectedFiles:N0}}</b>rejected files</div>
              <div><b id="total-rejected-entries">{{t.RejectedEntries:N0}}</b>rejected entries</div>
            </section>

            """);
        AppendUnderway(html, status);
        html.Append(CultureInfo.InvariantCulture, $"<h2>Last {ActivityLog.Size} files</h2>\n");
        if (status.Recent.Count == 0)
        {
            html.Append("<p class=\"muted\">No file handled yet: drop digests into the inbox.</p>\n");
        }
        else
        {
            html.Append("<table id=\"recent\"><thead><tr><th>when</th><th>file</th><th>outcome</th><th>entries</th><th>rejected entries</th><th>load time (files in it)</th></tr></thead><tbody>\n");
            foreach (var file in status.Recent)
            {
                var css = file.Outcome == "rejected" ? " class=\"rejected\"" : string.Empty;
                html.Append(CultureInfo.InvariantCulture, $"<tr{css}><td>{When(file.At)}</td><td><code>{HtmlEncode(file.Path)}</code></td><td>{HtmlEncode(file.Outcome.Replace('_', ' '))}</td><td class=\"n\">{file.Entries:N0}</td><td class=\"n\">{file.RejectedEntries:N0}</td><td class=\"n\">{file.Seconds:0.00} s ({file.FilesInJob})</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        html.Append("<h2>Rejected files</h2>\n");
        if (status.Rejected.Count == 0)
        {
            html.Append("<p class=\"muted\">None.</p>\n");
        }
        else
        {
            html.Append("<table id=\"rejected\"><thead><tr><th>when</th><th>file</th><th>reason</th></tr></thead><tbody>\n");
            foreach (var file in status.Rejected)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{When(file.At)}</td><td><code>{HtmlEncode(file.Path)}</code></td><td class=\"rejected\">{HtmlEncode(file.Reason)}</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        html.Append("<p class=\"muted\">Rejected entries of loaded files: <code>SELECT d.path, r.line, r.reason FROM warehouse.rejections r JOIN warehouse.digests d USING (digest_id)</code></p>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Loads running in this process now (a snapshot takes minutes): how far each is.</summary>
    private static void AppendUnderway(StringBuilder html, StatusSnapshot status)
    {
        foreach (var (files, progress) in status.Underway)
        {
            var what = files.Count == 1 ? $"<code>{HtmlEncode(files[0])}</code>" : $"{files.Count:N0} files";
            var how = progress is { } value
                ? $"<progress max=\"1000\" value=\"{(int)(value.Fraction * 1000)}\"></progress> {HtmlEncode(value.Describe())}"
                : "starting";
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"underway\">Loading {what}: {how}</p>\n");
        }
    }

    private static string When(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "never";
}
