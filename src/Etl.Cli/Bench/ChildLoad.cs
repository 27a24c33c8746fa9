using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Etl.Cli.Bench;

/// <summary>
/// Runs <c>etl ingest</c> as its own process, as a user would, so its peak memory is the loader's alone.
/// The child reports its loader time and peak RSS (<c>--report-memory</c>).
/// </summary>
internal static partial class ChildLoad
{
    public sealed record Result(TimeSpan Wall, TimeSpan LoaderTime, double PeakRssMb, string Output);

    public static async Task<Result> RunAsync(string connectionString, string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildLoad).Assembly.Location);
        }

        foreach (var arg in new[] { "ingest", path, "--quiet", "--report-memory", "--connection", connectionString })
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var wall = clock.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"etl ingest {path} exited with {process.ExitCode}:{Environment.NewLine}{output}");
        }

        var seconds = double.Parse(LoaderSeconds().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var rss = double.Parse(PeakRss().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        return new Result(wall, TimeSpan.FromSeconds(seconds), rss, output);
    }

    [GeneratedRegex(@"rejected entries, ([\d.]+) s")]
    private static partial Regex LoaderSeconds();

    [GeneratedRegex(@"peak RSS: ([\d.]+) MB")]
    private static partial Regex PeakRss();
}
