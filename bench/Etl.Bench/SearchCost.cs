using Etl.Data;
using Etl.Data.Loading;
using Etl.Data.Resilience;
using Npgsql;

namespace Etl.Bench;

/// <summary>
/// What keeping search current costs the loads (<c>--compare-search</c>): the same loads into a warehouse
/// with <c>report_store.paper_search</c> and into one without it (the table dropped: the loader then skips
/// the search refresh, see ReportStore.DrainAsync), interleaved so that both see the same machine.
/// </summary>
internal static class SearchCost
{
    /// <summary>The warehouse without search: a copy of <paramref name="database"/>, or a fresh one, with the table dropped.</summary>
    public const string WithoutSearch = "bench_nosearch";

    public static Task DropSearchAsync(string connectionString, CancellationToken cancellationToken) =>
        BenchCommand.RunUtilityAsync(connectionString, "DROP TABLE report_store.paper_search", cancellationToken);

    /// <summary>A copy of <paramref name="database"/> as <see cref="WithoutSearch"/>, without search.</summary>
    public static async Task<string> CopyWithoutSearchAsync(string server, string database, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await BenchCommand.DropDatabaseAsync(server, WithoutSearch, cancellationToken).ConfigureAwait(false);
        await BenchCommand.RunUtilityAsync(
            new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString,
            $"CREATE DATABASE {WithoutSearch} TEMPLATE {database}",
            cancellationToken).ConfigureAwait(false);
        var copy = new NpgsqlConnectionStringBuilder(server) { Database = WithoutSearch, CommandTimeout = 0 }.ConnectionString;
        await DropSearchAsync(copy, cancellationToken).ConfigureAwait(false);
        return copy;
    }

    /// <summary>
    /// Loads <paramref name="count"/> daily files from <paramref name="first"/>, each into both warehouses
    /// (one warm loader each, as the service runs it), alternating which goes first; the database time of
    /// each load (pg_stat_statements), with search and without.
    /// </summary>
    public static async Task<(List<double> With, List<double> Without)> DailyAsync(
        string withSearch, string withoutSearch, DailyFiles daily, int first, int count, CancellationToken cancellationToken)
    {
        await using var withSource = NpgsqlDataSource.Create(WarehouseServices.KeepSessions(new NpgsqlConnectionStringBuilder(withSearch)));
        await using var withoutSource = NpgsqlDataSource.Create(WarehouseServices.KeepSessions(new NpgsqlConnectionStringBuilder(withoutSearch)));
        await using var withTime = await DatabaseTime.OpenAsync(withSearch, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the benchmark's cluster does not preload pg_stat_statements; stop it and run again");
        await using var withoutTime = (await DatabaseTime.OpenAsync(withoutSearch, cancellationToken).ConfigureAwait(false))!;
        var loaders = new[]
        {
            (Loader: new WarehouseLoader(withSource, TransientRetry.Create()), Time: withTime, Times: new List<double>()),
            (Loader: new WarehouseLoader(withoutSource, TransientRetry.Create()), Time: withoutTime, Times: new List<double>()),
        };
        for (var i = first; i < first + count; i++)
        {
            var path = daily.Write(i);
            foreach (var side in i % 2 == 0 ? loaders : loaders.Reverse())
            {
                await side.Time.ResetAsync(cancellationToken).ConfigureAwait(false);
                await side.Loader.LoadAsync([path], cancellationToken: cancellationToken).ConfigureAwait(false);
                side.Times.Add((await side.Time.StatementsAsync(cancellationToken).ConfigureAwait(false)).Values.Sum(statement => statement.TotalMs));
            }
        }

        return (loaders[0].Times, loaders[1].Times);
    }
}
