using System.Globalization;
using System.Text;
using Npgsql;

namespace Etl.Bench;

/// <summary>
/// <c>etl export --format parquet</c> of the benchmark's warehouses, each as a process of its own
/// (<see cref="ChildExport"/>): several times on the big warehouse (the throughput of
/// <c>papers.parquet</c>, the figure of record, and of the whole export), once on the small one, whose
/// peak RSS the big one's is compared with.
/// </summary>
internal static class ExportTimings
{
    public static async Task<string> MeasureAsync(string server, string work, string etl, int runs, TextWriter output, CancellationToken cancellationToken)
    {
        var big = new List<ChildExport.Result>();
        for (var run = 1; run <= runs; run++)
        {
            big.Add(await ChildExport.RunAsync(etl, Database(server, "bench"), Path.Combine(work, "export"), cancellationToken).ConfigureAwait(false));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"export run {run}: papers.parquet {big[^1].Files["papers.parquet"].Seconds:0.00} s ({big[^1].PapersPerSecond:N0} papers/s), all files {big[^1].Seconds:0.00} s, {big[^1].Megabytes:0} MB, command {big[^1].Wall.TotalSeconds:0.0} s, peak RSS {big[^1].PeakRssMb:0} MB"));
        }

        var small = await ChildExport.RunAsync(etl, Database(server, "bench_small"), Path.Combine(work, "export-small"), cancellationToken).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"export of the small warehouse: {small.Files["papers.parquet"].Rows:N0} papers, all files {small.Seconds:0.00} s, peak RSS {small.PeakRssMb:0} MB"));
        return Report(big, small);
    }

    private static string Report(List<ChildExport.Result> big, ChildExport.Result small)
    {
        var papers = big[0].Files["papers.parquet"];
        var table = new StringBuilder();
        table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| `etl export --format parquet` ({papers.Rows:N0} papers; median of {big.Count} runs) | value | target |"));
        table.AppendLine("|---|---|---|");
        table.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| `papers.parquet` | {Stats.Median(big.Select(run => run.Files["papers.parquet"].Seconds)):0.00} s ({Stats.Median(big.Select(run => run.PapersPerSecond)):N0} papers/s), {papers.Megabytes:0.0} MB | ≥ 100,000 papers/s |"));
        foreach (var name in new[] { "versions.parquet", "authors.parquet", "paper_authors.parquet" })
        {
            var file = big[0].Files[name];
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{name}` | {Stats.Median(big.Select(run => run.Files[name].Seconds)):0.00} s ({file.Rows:N0} rows), {file.Megabytes:0.0} MB | |"));
        }

        table.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| whole command (process start to exit) | {Stats.Median(big.Select(run => run.Wall.TotalSeconds)):0.0} s | |"));
        table.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| peak RSS at {small.Files["papers.parquet"].Rows:N0} / {papers.Rows:N0} papers | {small.PeakRssMb:0} / {Stats.Median(big.Select(run => run.PeakRssMb)):0} MB | does not grow with the warehouse |"));
        return table.ToString();
    }

    private static string Database(string server, string name) => new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
}
