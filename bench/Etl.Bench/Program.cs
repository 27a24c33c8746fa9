using System.CommandLine;
using System.Globalization;
using Etl.Bench;

// dotnet run -c Release --project bench/Etl.Bench -- --papers N --runs R
var papers = Positive("--papers", "Papers in the big corpus (default 200,000)");
var smallPapers = Positive("--small-papers", "Papers in the small corpus that memory growth is measured against (default papers / 10)");
var runs = Positive("--runs", "Runs of each measurement; figures are medians (default 3)");
var workDirectory = new Option<string>("--work-dir") { Description = "Where corpora, databases and results.md go (default bench-out)", HelpName = "DIR" };
var etl = new Option<string>("--etl")
{
    Description = "The etl executable or etl.dll to measure (default: the etl.dll built beside the benchmark)",
    HelpName = "PATH",
};
var dailyOnly = new Option<bool>("--daily-only")
{
    Description = "Only load 20 more daily files into the warehouse a full run left in --work-dir, and show where the database time went",
};
var compareSearch = new Option<bool>("--compare-search")
{
    Description = "Also measure the loads without search (backfills, and daily files into a copy of the warehouse without it), interleaved with the loads with it",
};
var exportOnly = new Option<bool>("--export-only")
{
    Description = "Only run etl export --format parquet on the warehouses a full run left in --work-dir (--runs times on the big one)",
};
var searchOn = new Option<string>("--search-on")
{
    Description = "Only time the 20 search queries on the warehouse at this connection string (the million-record snapshot's, say), and print them",
    HelpName = "CONNECTION",
};
var snapshot = new Option<string>("--snapshot")
{
    Description = "Only measure the import of this metadata snapshot (etl generate --snapshot-records N) against its floor and a hand-written peer, and its refresh/ beside it",
    HelpName = "FILE",
};
var stock = new Option<bool>("--stock")
{
    Description = "Measure on a PostgreSQL with default settings (its own cluster, postgres-stock in the work folder) instead of the embedded cluster's tuning",
};
var root = new RootCommand("Measures parsing, backfill against its COPY floor, incremental loads, loader memory, search and the Parquet export; see docs/benchmarks.md")
{
    papers, smallPapers, runs, workDirectory, etl, dailyOnly, compareSearch, exportOnly, searchOn, snapshot, stock,
};
root.SetAction((parsed, token) =>
{
    if (parsed.GetValue(searchOn) is { } connectionString)
    {
        return BenchCommand.RunSearchAsync(connectionString, token);
    }

    if (parsed.GetValue(snapshot) is { } snapshotFile)
    {
        return SnapshotRun.RunAsync(
            Path.GetFullPath(snapshotFile), parsed.GetValue(runs) ?? 3, Path.GetFullPath(parsed.GetValue(workDirectory) ?? "bench-out"),
            Path.GetFullPath(parsed.GetValue(etl) ?? Path.Combine(AppContext.BaseDirectory, "etl.dll")), parsed.GetValue(stock), token);
    }

    if (parsed.GetValue(dailyOnly))
    {
        return BenchCommand.RunDailyAsync(Path.GetFullPath(parsed.GetValue(workDirectory) ?? "bench-out"), parsed.GetValue(compareSearch), parsed.GetValue(stock), token);
    }

    var etlPath = Path.GetFullPath(parsed.GetValue(etl) ?? Path.Combine(AppContext.BaseDirectory, "etl.dll"));
    if (parsed.GetValue(exportOnly))
    {
        return BenchCommand.RunExportAsync(Path.GetFullPath(parsed.GetValue(workDirectory) ?? "bench-out"), etlPath, parsed.GetValue(runs) ?? 3, token);
    }

    var papersValue = parsed.GetValue(papers) ?? 200_000;
    return BenchCommand.RunAsync(
        papersValue,
        parsed.GetValue(smallPapers) ?? Math.Max(1, papersValue / 10),
        parsed.GetValue(runs) ?? 3,
        Path.GetFullPath(parsed.GetValue(workDirectory) ?? "bench-out"),
        etlPath,
        parsed.GetValue(compareSearch),
        parsed.GetValue(stock),
        token);
});
return await root.Parse(args).InvokeAsync();

static Option<int?> Positive(string name, string description)
{
    var option = new Option<int?>(name) { Description = description, HelpName = "N" };
    option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<int?>() is <= 0)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a positive whole number"));
        }
    });
    return option;
}
