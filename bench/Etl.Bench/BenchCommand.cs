using System.Diagnostics;
using System.Globalization;
using System.Text;
using Etl.Core.Generation;
using Etl.Core.Model;
using Etl.Core.Reporting;
using Etl.Data;
using Etl.Data.Discovery;
using Etl.Data.Embedded;
using Etl.Data.Loading;
using Etl.Data.Reporting;
using Etl.Data.Resilience;
using Etl.Migrations;
using Npgsql;

namespace Etl.Bench;

/// <summary>
/// The benchmark (<c>bench/Etl.Bench</c>): generates a corpus with the project's generator and measures, in one run, parse
/// throughput, backfill against its COPY floor, incremental loads and loader memory. Every ratio is
/// taken within the same run; each figure is the median of the runs. See docs/benchmarks.md.
/// </summary>
internal static class BenchCommand
{
    /// <param name="etl">The <c>etl</c> executable (or <c>etl.dll</c>) whose <c>ingest</c> is measured.</param>
    /// <param name="compareSearch">Also backfill and load the daily files without search (<see cref="SearchCost"/>), interleaved, and report what search costs.</param>
    /// <param name="stock">Measure on a cluster with PostgreSQL's default settings (<see cref="EmbeddedPostgresOptions.Stock"/>) instead of the embedded cluster's.</param>
    public static async Task<int> RunAsync(int papers, int smallPapers, int runs, string work, string etl, bool compareSearch, bool stock, CancellationToken cancellationToken)
    {
        var output = Console.Out;
        Directory.CreateDirectory(work);

        output.WriteLine($"Benchmark: {papers:N0} papers (memory also at {smallPapers:N0}), {runs} runs, work folder {work}");
        output.WriteLine(Machine());

        var big = Corpus(work, papers, output);
        var small = Corpus(work, smallPapers, output);

        var parse = MeasureParsing(big.Path, runs: Math.Max(runs, 5), output);

        var server = await StartClusterAsync(work, stock, output, cancellationToken).ConfigureAwait(false);

        await CheckCorrectnessAsync(server, work, output, cancellationToken).ConfigureAwait(false);

        var backfills = new List<(double Seconds, double Floor, double AllTables, double Ratio, double Rss)>();
        var smallRss = new List<double>();
        var viewsAfterBackfill = new List<IReadOnlyList<(string View, double Seconds, long Rows)>>();
        var withoutSearch = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var smallDb = await FreshDatabaseAsync(server, "bench_small", cancellationToken).ConfigureAwait(false);
            smallRss.Add((await ChildLoad.RunAsync(etl, smallDb, small.Path, cancellationToken).ConfigureAwait(false)).PeakRssMb);
            await SettleAsync(smallDb, "the small corpus's load", output, cancellationToken).ConfigureAwait(false);

            // Without search before the backfill with it in odd runs, after it in even ones.
            if (compareSearch && run % 2 == 1)
            {
                withoutSearch.Add(await BackfillWithoutSearchAsync(server, etl, big.Path, output, cancellationToken).ConfigureAwait(false));
            }

            var bigDb = await FreshDatabaseAsync(server, "bench", cancellationToken).ConfigureAwait(false);
            await CheckpointAsync(bigDb, cancellationToken).ConfigureAwait(false);
            var load = await ChildLoad.RunAsync(etl, bigDb, big.Path, cancellationToken).ConfigureAwait(false);
            viewsAfterBackfill.Add(await ViewTimings.MeasureAsync(bigDb, cancellationToken).ConfigureAwait(false));
            await SettleAsync(bigDb, "the backfill, before its floors", output, cancellationToken).ConfigureAwait(false);
            await using var dataSource = NpgsqlDataSource.Create(bigDb);
            var floor = await CopyFloor.FinalRowsAsync(dataSource, Path.Combine(work, "floor-dump"), cancellationToken).ConfigureAwait(false);
            var allTables = await CopyFloor.AllTablesAsync(dataSource, Path.Combine(work, "floor-dump"), cancellationToken).ConfigureAwait(false);
            var ratio = load.LoaderTime.TotalSeconds / floor.TotalSeconds;
            backfills.Add((load.LoaderTime.TotalSeconds, floor.TotalSeconds, allTables.TotalSeconds, ratio, load.PeakRssMb));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: backfill {load.LoaderTime.TotalSeconds:0.0} s ({papers / load.LoaderTime.TotalSeconds:N0} papers/s), floor of the final rows {floor.TotalSeconds:0.0} s, ratio {ratio:0.00} (all tables {allTables.TotalSeconds:0.0} s), peak RSS {load.PeakRssMb:0} MB ({smallPapers:N0} papers: {smallRss[^1]:0} MB)"));
            if (compareSearch && run % 2 == 0)
            {
                withoutSearch.Add(await BackfillWithoutSearchAsync(server, etl, big.Path, output, cancellationToken).ConfigureAwait(false));
            }
        }

        // The daily loads are measured in the state a warehouse is in between daily loads: vacuumed.
        await SettleAsync(new NpgsqlConnectionStringBuilder(server) { Database = "bench" }.ConnectionString, "the last backfill, before the daily loads", output, cancellationToken).ConfigureAwait(false);
        var (incrementalLoad, incrementalDatabase, incrementalCommand) = await MeasureIncrementalAsync(server, work, etl, cancellationToken).ConfigureAwait(false);

        var viewsAfterDaily = await ViewTimings.MeasureAsync(new NpgsqlConnectionStringBuilder(server) { Database = "bench" }.ConnectionString, cancellationToken).ConfigureAwait(false);
        var search = await SearchTimings.MeasureAsync(new NpgsqlConnectionStringBuilder(server) { Database = "bench" }.ConnectionString, cancellationToken).ConfigureAwait(false);
        var searchCost = compareSearch
            ? SearchCostReport(backfills.Select(b => b.Seconds).ToList(), withoutSearch, await CompareDailyAsync(server, work, output, cancellationToken).ConfigureAwait(false))
            : string.Empty;

        // The export reads the warehouse as it is between daily loads: vacuumed, then grown by the daily files.
        var export = await ExportTimings.MeasureAsync(server, work, etl, Math.Max(runs, 3), output, cancellationToken).ConfigureAwait(false);

        var report = Report(papers, smallPapers, runs, big, parse, backfills, smallRss, incrementalLoad, incrementalDatabase, incrementalCommand)
            + Environment.NewLine + Environment.NewLine + ViewReport(papers, viewsAfterBackfill, viewsAfterDaily)
            + Environment.NewLine + SearchReport(papers, search) + searchCost
            + Environment.NewLine + export;
        output.WriteLine();
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(work, "results.md"), report, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static (string Path, CorpusSummary Summary) Corpus(string work, int papers, TextWriter output)
    {
        var path = Path.Combine(work, $"corpus-{papers}");
        var marker = Path.Combine(path, ".complete");
        if (!File.Exists(marker))
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            var clock = Stopwatch.StartNew();
            var written = CorpusWriter.Write(path, new GeneratorOptions { Papers = papers, Seed = 42 });
            File.WriteAllText(marker, string.Create(CultureInfo.InvariantCulture, $"{written.Files} {written.Bytes} {written.Papers}"));
            output.WriteLine($"Generated {written.Files:N0} files, {written.Bytes / 1048576.0:N0} MB, {written.Papers:N0} papers in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        var parts = File.ReadAllText(marker).Split(' ');
        var summary = new CorpusSummary(int.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
        return (path, summary);
    }

    /// <summary>
    /// Parsing and normalization alone, one thread, files already in memory (at most 192 MB of each source
    /// format), per format and over all of them.
    /// </summary>
    private static ParseRates MeasureParsing(string corpus, int runs, TextWriter output)
    {
        const long perFormat = 192L * 1024 * 1024;
        var files = new Dictionary<DigestFormat, List<(string Path, byte[] Content)>>();
        var bytes = new Dictionary<DigestFormat, long>();
        foreach (var path in DigestFileFinder.Find([corpus]))
        {
            var content = File.ReadAllBytes(path);
            if (SourceFormats.Parse(path, content).Header is not { } header || bytes.GetValueOrDefault(header.Format) > perFormat)
            {
                continue;
            }

            if (!files.TryGetValue(header.Format, out var list))
            {
                files[header.Format] = list = [];
            }

            list.Add((path, content));
            bytes[header.Format] = bytes.GetValueOrDefault(header.Format) + content.Length;
        }

        var rates = files.Keys.ToDictionary(format => format, _ => new List<double>());
        var overall = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"parse run {run + 1}:"));
            var total = TimeSpan.Zero;
            foreach (var format in SourceFormats.All.Where(format => files.ContainsKey(format.Format)))
            {
                var entries = 0L;
                var clock = Stopwatch.StartNew();
                foreach (var (path, content) in files[format.Format])
                {
                    entries += SourceFormats.Parse(path, content).Entries.Count;
                }

                total += clock.Elapsed;
                var mb = bytes[format.Format] / 1048576.0;
                rates[format.Format].Add(mb / clock.Elapsed.TotalSeconds);
                line.Append(CultureInfo.InvariantCulture, $" {format.Name} {mb:N0} MB, {entries:N0} entries, {rates[format.Format][^1]:0} MB/s;");
            }

            overall.Add(bytes.Values.Sum() / 1048576.0 / total.TotalSeconds);
            output.WriteLine(line.Append(CultureInfo.InvariantCulture, $" all {overall[^1]:0} MB/s"));
        }

        return new ParseRates(Stats.Median(overall), rates.ToDictionary(pair => pair.Key, pair => Stats.Median(pair.Value)));
    }

    /// <summary>Median parse throughput in MB/s, over all formats and per format.</summary>
    private sealed record ParseRates(double Overall, Dictionary<DigestFormat, double> ByFormat)
    {
        public string Describe() => string.Join(", ", SourceFormats.All
            .Where(format => ByFormat.ContainsKey(format.Format))
            .Select(format => string.Create(CultureInfo.InvariantCulture, $"{format.Name} {ByFormat[format.Format]:0}")));
    }

    /// <summary>The loader's warehouse for a small corpus with bad input must equal the in-memory reference.</summary>
    private static async Task CheckCorrectnessAsync(string server, string work, TextWriter output, CancellationToken cancellationToken)
    {
        var corpus = Path.Combine(work, "correctness");
        if (Directory.Exists(corpus))
        {
            Directory.Delete(corpus, recursive: true);
        }

        CorpusWriter.Write(corpus, new GeneratorOptions { Papers = 2_000, Seed = 1, IncludeBadEntries = true });
        var files = DigestFileFinder.Find([corpus]).ToArray();
        var reference = new ReferenceWarehouse();
        foreach (var file in files)
        {
            reference.Add(file, File.ReadAllBytes(file));
        }

        var expected = reference.Build().Select(ReportJson.Serialize).ToList();
        await using var dataSource = NpgsqlDataSource.Create(await FreshDatabaseAsync(server, "bench_check", cancellationToken).ConfigureAwait(false));
        await new WarehouseLoader(dataSource, TransientRetry.Create(), new LoaderOptions { BatchFiles = 7 }).LoadAsync(files, cancellationToken: cancellationToken).ConfigureAwait(false);
        var actual = await ReportDump.ReadJsonLinesAsync(dataSource, cancellationToken).ConfigureAwait(false);
        if (!actual.SequenceEqual(expected))
        {
            throw new InvalidOperationException("correctness check failed: the loaded warehouse differs from the in-memory reference; the benchmark's figures would be meaningless");
        }

        output.WriteLine($"Correctness: loader and in-memory reference give identical dumps ({expected.Count:N0} papers, {files.Length} files with bad input)");
    }

    /// <summary>
    /// Median over 20 new 100-entry daily files: the load call, the database's own time for it
    /// (<see cref="DatabaseTime"/>; null without pg_stat_statements), and the whole command.
    /// </summary>
    private static async Task<(double LoadMs, double? DatabaseMs, double CommandMs)> MeasureIncrementalAsync(string server, string work, string etl, CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = "bench" }.ConnectionString;
        var daily = new DailyFiles(work);
        var (loads, database, _) = await LoadDailyAsync(connectionString, daily, first: 0, statements: null, cancellationToken).ConfigureAwait(false);
        var commands = new List<double>();
        for (var i = DailyLoads; i < 2 * DailyLoads; i++)
        {
            var result = await ChildLoad.RunAsync(etl, connectionString, daily.Write(i), cancellationToken).ConfigureAwait(false);
            commands.Add(result.Wall.TotalMilliseconds);
        }

        return (Stats.Median(loads), database.Count > 0 ? Stats.Median(database) : null, Stats.Median(commands));
    }

    /// <summary>
    /// <c>--daily-only</c>: the in-process daily loads alone, on the warehouse a full run left in the work
    /// folder, with the statements the database spent its time on. For iterating on the daily load
    /// without a half-hour backfill; each call loads 20 files no earlier call loaded.
    /// </summary>
    /// <param name="work">The work folder of a full run.</param>
    /// <param name="compareSearch">Instead, load the 20 files into the warehouse and into a copy without search, interleaved (<see cref="SearchCost"/>), then time the search queries.</param>
    /// <param name="stock">Use the cluster of a full run with <c>--stock</c> (PostgreSQL's default settings).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<int> RunDailyAsync(string work, bool compareSearch, bool stock, CancellationToken cancellationToken)
    {
        var output = Console.Out;
        var cluster = Path.Combine(work, stock ? "postgres-stock" : "postgres");
        if (!Directory.Exists(cluster))
        {
            await Console.Error.WriteLineAsync($"error: no benchmark cluster in {cluster}; run the full benchmark with this --work-dir{(stock ? " and --stock" : "")} first (it leaves the warehouse 'bench' there)").ConfigureAwait(false);
            return 1;
        }

        var server = await StartClusterAsync(work, stock, output, cancellationToken).ConfigureAwait(false);
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = "bench", CommandTimeout = 0 }.ConnectionString;
        if (compareSearch)
        {
            var pairs = await CompareDailyAsync(server, work, output, cancellationToken).ConfigureAwait(false);
            output.WriteLine(SearchCostReport([], [], pairs));
            output.WriteLine(SearchReport(0, await SearchTimings.MeasureAsync(connectionString, cancellationToken).ConfigureAwait(false)));
            return 0;
        }

        var daily = new DailyFiles(work);
        var statements = new Dictionary<string, List<StatementTime>>(StringComparer.Ordinal);
        var (calls, database, planning) = await LoadDailyAsync(connectionString, daily, daily.Next, statements, cancellationToken).ConfigureAwait(false);
        if (database.Count == 0)
        {
            await Console.Error.WriteLineAsync("error: the cluster does not preload pg_stat_statements; stop it and run again (a new start preloads it where the library is installed)").ConfigureAwait(false);
            return 1;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{DailyLoads} daily files: database time median {Stats.Median(database):0.0} ms (each: {string.Join(", ", database.Select(ms => ms.ToString("0", CultureInfo.InvariantCulture)))}), of which planning {Stats.Median(planning):0.0} ms; load call median {Stats.Median(calls):0} ms"));
        // Medians per statement, not means: the first file of a process also pays for its warm-up.
        static double Median(List<StatementTime> perLoad, Func<StatementTime, double> value) =>
            Stats.Median(perLoad.Select(value).Concat(Enumerable.Repeat(0.0, DailyLoads - perLoad.Count)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{statements.Values.Sum(loads => loads.Sum(load => load.Calls)) / (double)DailyLoads:0} statements per load; the costliest, by their median over the loads:"));
        output.WriteLine("   exec    plan  calls  statement");
        foreach (var (query, loads) in statements.OrderByDescending(pair => Median(pair.Value, load => load.TotalMs)).Take(30))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Median(loads, load => load.ExecutionMs),7:0.00} {Median(loads, load => load.PlanningMs),7:0.00} {Median(loads, load => load.Calls),6:0.#}  {Shorten(query)}"));
        }

        return 0;
    }

    /// <summary>
    /// <c>--export-only</c>: <c>etl export --format parquet</c> of the warehouses a full run left in the work
    /// folder (<see cref="ExportTimings"/>), without the half-hour of corpora, backfills and daily loads.
    /// </summary>
    public static async Task<int> RunExportAsync(string work, string etl, int runs, CancellationToken cancellationToken)
    {
        var cluster = Path.Combine(work, "postgres");
        if (!Directory.Exists(cluster))
        {
            await Console.Error.WriteLineAsync($"error: no benchmark cluster in {cluster}; run the full benchmark with this --work-dir first (it leaves the warehouses 'bench' and 'bench_small' there)").ConfigureAwait(false);
            return 1;
        }

        var server = await EmbeddedPostgres.EnsureStartedAsync(
            new EmbeddedPostgresOptions { DataDirectory = cluster, Database = "postgres" }, Console.Out.WriteLine, cancellationToken).ConfigureAwait(false);
        Console.Out.WriteLine();
        Console.Out.WriteLine(await ExportTimings.MeasureAsync(server, work, etl, runs, Console.Out, cancellationToken).ConfigureAwait(false));
        return 0;
    }

    private const int DailyLoads = 20;

    /// <summary>A backfill of the big corpus into a fresh warehouse without search; the loader's time in seconds.</summary>
    private static async Task<double> BackfillWithoutSearchAsync(string server, string etl, string corpus, TextWriter output, CancellationToken cancellationToken)
    {
        var database = await FreshDatabaseAsync(server, SearchCost.WithoutSearch, cancellationToken).ConfigureAwait(false);
        await SearchCost.DropSearchAsync(database, cancellationToken).ConfigureAwait(false);
        await CheckpointAsync(database, cancellationToken).ConfigureAwait(false);
        var load = await ChildLoad.RunAsync(etl, database, corpus, cancellationToken).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"backfill without search: {load.LoaderTime.TotalSeconds:0.0} s"));
        await DropDatabaseAsync(server, SearchCost.WithoutSearch, cancellationToken).ConfigureAwait(false);
        return load.LoaderTime.TotalSeconds;
    }

    /// <summary>20 more daily files into the warehouse 'bench' and into a copy of it without search, interleaved.</summary>
    private static async Task<(List<double> With, List<double> Without)> CompareDailyAsync(string server, string work, TextWriter output, CancellationToken cancellationToken)
    {
        var withSearch = new NpgsqlConnectionStringBuilder(server) { Database = "bench", CommandTimeout = 0 }.ConnectionString;
        var withoutSearch = await SearchCost.CopyWithoutSearchAsync(server, "bench", cancellationToken).ConfigureAwait(false);
        var daily = new DailyFiles(work);
        var times = await SearchCost.DailyAsync(withSearch, withoutSearch, daily, daily.Next, DailyLoads, cancellationToken).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"daily database time with search: {string.Join(", ", times.With.Select(ms => ms.ToString("0", CultureInfo.InvariantCulture)))} ms; without: {string.Join(", ", times.Without.Select(ms => ms.ToString("0", CultureInfo.InvariantCulture)))} ms"));
        return times;
    }

    /// <summary>The search queries' times: their median and the slowest, with each query.</summary>
    /// <summary><c>--search-on</c>: the search queries alone, on a warehouse the benchmark did not build.</summary>
    public static async Task<int> RunSearchAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM warehouse.papers", connection);
            var papers = (int)(long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            Console.WriteLine(SearchReport(papers, await SearchTimings.MeasureAsync(connectionString, cancellationToken).ConfigureAwait(false)));
        }

        return 0;
    }

    private static string SearchReport(int papers, IReadOnlyList<SearchTimings.Timing> timings)
    {
        var table = new StringBuilder();
        var slowest = timings.MaxBy(timing => timing.Milliseconds)!;
        table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| report.search_papers{(papers > 0 ? $" ({papers:N0} papers)" : string.Empty)}, 20 phrase queries with a category, top 50 | value | target |"));
        table.AppendLine("|---|---|---|");
        table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| median | {Stats.Median(timings.Select(timing => timing.Milliseconds)):0} ms | ≤ 100 ms |"));
        table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| slowest | {slowest.Milliseconds:0} ms (`{slowest.Query}` in {slowest.Category}) | ≤ 300 ms |"));
        table.AppendLine();
        table.AppendLine("| query | category | rows | ms (median of 3) |");
        table.AppendLine("|---|---|---|---|");
        foreach (var timing in timings)
        {
            table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| `{timing.Query}` | {timing.Category} | {timing.Rows} | {timing.Milliseconds:0.0} |"));
        }

        return table.ToString();
    }

    /// <summary>What search costs the loads: backfills with and without it, daily loads in pairs.</summary>
    private static string SearchCostReport(List<double> backfillWith, List<double> backfillWithout, (List<double> With, List<double> Without) daily)
    {
        var table = new StringBuilder(Environment.NewLine);
        table.AppendLine("| what search costs the loads (interleaved with and without it) | with | without | growth | target |");
        table.AppendLine("|---|---|---|---|---|");
        if (backfillWith.Count > 0 && backfillWithout.Count > 0)
        {
            var with = Stats.Median(backfillWith);
            var without = Stats.Median(backfillWithout);
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| backfill, loader time (median of {backfillWith.Count} / {backfillWithout.Count}) | {with:0.0} s | {without:0.0} s | {(with / without - 1) * 100:0.0}% | ≤ 10% |"));
        }

        var differences = daily.With.Zip(daily.Without, (with, without) => with - without).ToList();
        table.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| daily 100-entry file, database time (median of {daily.With.Count} pairs) | {Stats.Median(daily.With):0.0} ms | {Stats.Median(daily.Without):0.0} ms | {Stats.Median(differences):0.0} ms (median of the pairs' differences) | ≤ 10 ms |"));
        return table.ToString();
    }

    /// <summary>Loads <see cref="DailyLoads"/> daily files from <paramref name="first"/> one at a time with one warm loader, as the service does.</summary>
    private static async Task<(List<double> LoadMs, List<double> DatabaseMs, List<double> PlanningMs)> LoadDailyAsync(
        string connectionString, DailyFiles daily, int first, Dictionary<string, List<StatementTime>>? statements, CancellationToken cancellationToken)
    {
        // Pooled as the service's are (WarehouseServices), so the loader keeps its sessions between files.
        await using var dataSource = NpgsqlDataSource.Create(WarehouseServices.KeepSessions(new NpgsqlConnectionStringBuilder(connectionString)));
        await using var databaseTime = await DatabaseTime.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        var loader = new WarehouseLoader(dataSource, TransientRetry.Create());
        var loads = new List<double>();
        var database = new List<double>();
        var planning = new List<double>();
        for (var i = first; i < first + DailyLoads; i++)
        {
            var path = daily.Write(i);
            if (databaseTime is not null)
            {
                await databaseTime.ResetAsync(cancellationToken).ConfigureAwait(false);
            }

            var clock = Stopwatch.StartNew();
            await loader.LoadAsync([path], cancellationToken: cancellationToken).ConfigureAwait(false);
            loads.Add(clock.Elapsed.TotalMilliseconds);
            if (databaseTime is null)
            {
                continue;
            }

            var byStatement = await databaseTime.StatementsAsync(cancellationToken).ConfigureAwait(false);
            database.Add(byStatement.Values.Sum(statement => statement.TotalMs));
            planning.Add(byStatement.Values.Sum(statement => statement.PlanningMs));
            if (statements is null)
            {
                continue;
            }

            foreach (var (query, time) in byStatement)
            {
                if (!statements.TryGetValue(query, out var perLoad))
                {
                    statements[query] = perLoad = [];
                }

                perLoad.Add(time);
            }
        }

        return (loads, database, planning);
    }

    private static string Shorten(string query)
    {
        var flat = string.Join(' ', query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 110 ? flat : flat[..110] + "…";
    }

    /// <summary>
    /// The benchmark's own cluster in the work folder: with the embedded cluster's settings, or with PostgreSQL's
    /// defaults in a folder of its own (<c>postgres-stock</c>), so the two never share a configuration.
    /// </summary>
    internal static Task<string> StartClusterAsync(string work, bool stock, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine(stock ? "Server: PostgreSQL's default settings (--stock)" : "Server: the embedded cluster's settings");
        return EmbeddedPostgres.EnsureStartedAsync(
            new EmbeddedPostgresOptions { DataDirectory = Path.Combine(work, stock ? "postgres-stock" : "postgres"), Database = "postgres", Stock = stock },
            output.WriteLine,
            cancellationToken);
    }

    /// <summary>
    /// Leaves <paramref name="connectionString"/>'s database as autovacuum would, before the next timed step:
    /// right after a load, autovacuum's first pass over every table it wrote runs for a minute or more on
    /// the same two cores, and whatever the benchmark timed next (a floor, the other backfill, the daily
    /// loads) paid for part of it, by how soon it came (seen in the server's log: automatic vacuums of the
    /// previous warehouse's tables during the next backfill). Untimed; its duration is printed.
    /// </summary>
    internal static async Task SettleAsync(string connectionString, string after, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await RunUtilityAsync(connectionString, "VACUUM (ANALYZE)", cancellationToken).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"VACUUM (ANALYZE) after {after}: {clock.Elapsed.TotalSeconds:0.0} s"));
    }

    /// <summary>A database no later step reads, dropped rather than left to autovacuum while later steps are timed.</summary>
    internal static Task DropDatabaseAsync(string server, string name, CancellationToken cancellationToken) =>
        RunUtilityAsync(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", cancellationToken);

    /// <summary>Both the backfill and the floor start right after a checkpoint, so neither pays for the other's WAL.</summary>
    internal static Task CheckpointAsync(string connectionString, CancellationToken cancellationToken) =>
        RunUtilityAsync(connectionString, "CHECKPOINT", cancellationToken);

    /// <summary>A statement that may not run in a transaction block, on a connection of its own, without a timeout.</summary>
    internal static async Task RunUtilityAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An empty database <paramref name="name"/>, migrated to the warehouse unless <paramref name="migrate"/> is false.</summary>
    internal static async Task<string> FreshDatabaseAsync(string server, string name, CancellationToken cancellationToken, bool migrate = true)
    {
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var reset = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE); CREATE DATABASE {name}", admin);
            await reset.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Unpooled for the migration: a pooled connection to the database of an earlier run, dropped
        // WITH (FORCE) above, would come back dead from the pool.
        if (migrate)
        {
            await WarehouseMigrator.MigrateAsync(
                new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString, cancellationToken).ConfigureAwait(false);
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 0 }.ConnectionString;
    }

    /// <summary>Each report view's full SELECT: median over the runs right after the backfill, and once after the 40 daily files.</summary>
    private static string ViewReport(int papers, List<IReadOnlyList<(string View, double Seconds, long Rows)>> afterBackfill, IReadOnlyList<(string View, double Seconds, long Rows)> afterDaily)
    {
        var table = new StringBuilder();
        table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| full `SELECT *` ({papers:N0} papers) | rows | after the backfill (no manual ANALYZE) | after 40 daily files | target |"));
        table.AppendLine("|---|---|---|---|---|");
        foreach (var (view, seconds, rows) in afterDaily)
        {
            var backfill = Stats.Median(afterBackfill.Select(run => run.First(timing => timing.View == view).Seconds));
            table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {view} | {rows:N0} | {backfill:0.00} s | {seconds:0.00} s | < 2 s |"));
        }

        return table.ToString();
    }

    private static string Machine()
    {
        var memory = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim() : "unknown";
        return $"Machine: {Environment.ProcessorCount} cores, {memory} RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    private static string Report(
        int papers,
        int smallPapers,
        int runs,
        (string Path, CorpusSummary Summary) corpus,
        ParseRates parse,
        List<(double Seconds, double Floor, double AllTables, double Ratio, double Rss)> backfills,
        List<double> smallRss,
        double incrementalLoad,
        double? incrementalDatabase,
        double incrementalCommand)
    {
        var seconds = Stats.Median(backfills.Select(b => b.Seconds));
        var rss = Stats.Median(backfills.Select(b => b.Rss));
        var rssSmall = Stats.Median(smallRss);
        var growth = Stats.Median(backfills.Zip(smallRss, (b, s) => b.Rss / s - 1));
        var ratio = Stats.Median(backfills.Select(b => b.Ratio));
        return string.Create(CultureInfo.InvariantCulture, $"""
            | figure ({papers:N0} papers, {corpus.Summary.Files:N0} files, {corpus.Summary.Bytes / 1048576.0:N0} MB; median of {runs} runs) | value | target |
            |---|---|---|
            | parse + normalize, one core, all formats | {parse.Overall:0} MB/s | ≥ 200 MB/s |
            | parse + normalize, one core, per format | {parse.Describe()} MB/s | |
            | backfill, files to warehouse | {seconds:0.0} s ({papers / seconds:N0} papers/s) | |
            | floor: COPY of the final rows (papers, versions, authors, their links; `Floors/final_rows.sql`) | {Stats.Median(backfills.Select(b => b.Floor)):0.0} s | |
            | backfill / floor (ratio within each run) | {ratio:0.00} | ≤ 3.0 (goal 2.0) |
            | COPY of all eleven warehouse tables, evidence included (second figure) | {Stats.Median(backfills.Select(b => b.AllTables)):0.0} s | |
            | incremental 100-entry file, database time (pg_stat_statements) | {(incrementalDatabase is { } ms ? ms.ToString("0", CultureInfo.InvariantCulture) + " ms" : "n/a: pg_stat_statements not preloaded (restart the benchmark's cluster)")} | ≤ 100 ms |
            | incremental 100-entry file, load call (client and database) | {incrementalLoad:0} ms | |
            | incremental 100-entry file, whole `etl ingest` command | {incrementalCommand:0} ms | |
            | peak RSS at {smallPapers:N0} papers | {rssSmall:0} MB | |
            | peak RSS at {papers:N0} papers | {rss:0} MB | ≤ 768 MB |
            | RSS growth {smallPapers:N0} → {papers:N0} | {growth * 100:0}% | < 20% |
            """);
    }
}
