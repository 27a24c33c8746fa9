using System.Diagnostics;
using Npgsql;

namespace Etl.Bench;

/// <summary>
/// How long <c>report.search_papers</c> takes on the benchmark's warehouse, for a fixed list of 20 queries:
/// the 20 most frequent two-word phrases of its titles (consecutive words, lowercased), each as a quoted
/// phrase within the primary category most of the papers with that phrase in their title have, top 50.
/// Each query runs three times; its time is the median of the three (the first also warms the cache).
/// </summary>
internal static class SearchTimings
{
    private const string Phrases = """
        WITH words AS (
            SELECT p.arxiv_id, p.primary_category, w.word, w.n
            FROM warehouse.papers p, regexp_split_to_table(lower(p.title), '[^[:alnum:]-]+') WITH ORDINALITY AS w (word, n)
            WHERE w.word <> ''
        ),
        pairs AS (
            SELECT a.word || ' ' || b.word AS phrase, a.primary_category, count(*) AS papers
            FROM words a JOIN words b ON b.arxiv_id = a.arxiv_id AND b.n = a.n + 1
            GROUP BY 1, 2
        ),
        ranked AS (
            SELECT phrase, sum(papers) OVER (PARTITION BY phrase) AS total, primary_category,
                   row_number() OVER (PARTITION BY phrase ORDER BY papers DESC, primary_category COLLATE "C") AS place
            FROM pairs WHERE primary_category IS NOT NULL
        )
        SELECT phrase, primary_category, total FROM ranked WHERE place = 1 ORDER BY total DESC, phrase COLLATE "C" LIMIT 20
        """;

    public sealed record Timing(string Query, string Category, double Milliseconds, int Rows);

    public static async Task<IReadOnlyList<Timing>> MeasureAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var queries = new List<(string Query, string Category)>();
        await using (var read = new NpgsqlCommand(Phrases, connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                queries.Add(($"\"{reader.GetString(0)}\"", reader.GetString(1)));
            }
        }

        var timings = new List<Timing>();
        foreach (var (query, category) in queries)
        {
            var times = new List<double>();
            var rows = 0;
            for (var run = 0; run < 3; run++)
            {
                await using var search = new NpgsqlCommand("SELECT * FROM report.search_papers(@query, @category, max_rows => 50)", connection);
                search.Parameters.AddWithValue("query", query);
                search.Parameters.AddWithValue("category", category);
                var clock = Stopwatch.StartNew();
                await using var reader = await search.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                rows = 0;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows++;
                }

                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            timings.Add(new Timing(query, category, Stats.Median(times), rows));
        }

        return timings;
    }
}
