using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Etl.Bench;

/// <summary>
/// Runs <c>etl ingest</c> as its own process, as a user would, so its peak memory is the loader's alone.
/// The child reports its loader time and peak RSS (<c>--report-memory</c>).
/// </summary>
internal static partial class ChildLoad
{
    public sealed record Result(TimeSpan Wall, TimeSpan LoaderTime, double PeakRssMb, string Output);

    /// <param name="etl">The <c>etl</c> executable, or its <c>etl.dll</c> (run with <c>dotnet</c>).</param>
    public static async Task<Result> RunAsync(string etl, string connectionString, string path, CancellationToken cancellationToken)
    {
        var start = EtlStart.For(etl, ["ingest", path, "--quiet", "--report-memory", "--connection", connectionString], readErrors: false);
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
