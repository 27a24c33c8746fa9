using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Etl.Bench;

/// <summary>
/// Runs <c>etl export --format parquet</c> as its own process, as a user would, into a folder of the work
/// directory: the time of each file as the command reports it (<c>papers.parquet</c> is the figure of
/// record) and the process's peak RSS (<c>--report-memory</c>), which must not grow with the warehouse.
/// </summary>
internal static partial class ChildExport
{
    public sealed record Result(TimeSpan Wall, IReadOnlyDictionary<string, (long Rows, double Megabytes, double Seconds)> Files, double PeakRssMb)
    {
        public double PapersPerSecond => Files["papers.parquet"].Rows / Files["papers.parquet"].Seconds;

        public double Seconds => Files.Values.Sum(file => file.Seconds);

        public double Megabytes => Files.Values.Sum(file => file.Megabytes);
    }

    /// <param name="etl">The <c>etl</c> executable, or its <c>etl.dll</c> (run with <c>dotnet</c>).</param>
    public static async Task<Result> RunAsync(string etl, string connectionString, string folder, CancellationToken cancellationToken)
    {
        var start = EtlStart.For(etl, ["export", "--format", "parquet", "--out", folder, "--report-memory", "--connection", connectionString], readErrors: true);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var wall = clock.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"etl export --out {folder} exited with {process.ExitCode}:{Environment.NewLine}{await output.ConfigureAwait(false)}{errors}");
        }

        var files = Wrote().Matches(errors).ToDictionary(
            match => Path.GetFileName(match.Groups["path"].Value),
            match => (long.Parse(match.Groups["rows"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
                      double.Parse(match.Groups["mb"].Value, CultureInfo.InvariantCulture),
                      double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture)),
            StringComparer.Ordinal);
        var rss = double.Parse(PeakRss().Match(errors).Groups[1].Value, CultureInfo.InvariantCulture);
        return new Result(wall, files, rss);
    }

    [GeneratedRegex(@"Wrote (?<path>.+?): (?<rows>[\d,]+) rows, (?<mb>[\d.]+) MB in (?<seconds>[\d.]+) s")]
    private static partial Regex Wrote();

    [GeneratedRegex(@"peak RSS: ([\d.]+) MB")]
    private static partial Regex PeakRss();
}
