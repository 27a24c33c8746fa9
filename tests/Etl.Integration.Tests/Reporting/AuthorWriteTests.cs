using Etl.Data;
using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>
/// The author write of <c>sql/load/author_store_delta.sql</c> ranks an author's categories again only when
/// the one category that grew overtakes the category just above it. On random authors with small counts
/// (many ties, every position of the grown category, top lists shorter than three) its category counts and
/// top three must be what the definition gives: the counts added up, then the three largest, ties to the
/// lower code in byte order.
/// </summary>
public sealed class AuthorWriteTests
{
    private const string AuthorsMarker = "-- Authors ---";
    private const string EndMarker = "-- Whether any paper took back";

    [Fact]
    public async Task Counts_and_top_three_after_the_write_follow_the_definition()
    {
        var script = EmbeddedSql.Load("author_store_delta");
        var scratch = script[..script.IndexOf("INSERT INTO store_changes", StringComparison.Ordinal)];
        var (from, to) = (script.IndexOf(AuthorsMarker, StringComparison.Ordinal), script.IndexOf(EndMarker, StringComparison.Ordinal));
        Assert.True(from >= 0 && to > from, $"author_store_delta.sql must keep the markers '{AuthorsMarker}' and '{EndMarker}' around the author write");

        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.ExecuteAsync($$"""
            BEGIN;
            {{scratch}}
            SELECT setseed(0.42);
            -- 3,000 stored authors, each with 0 to 4 papers in each of six categories (absent when 0).
            CREATE TABLE public.counts AS
            SELECT 'a' || lpad(i::text, 5, '0') AS author_key, 'cat.' || c AS category, floor(random() * 5)::integer AS papers
            FROM generate_series(1, 3000) i, generate_series(1, 6) c;
            DELETE FROM public.counts WHERE papers = 0;
            INSERT INTO report_store.author_stats (author_key, display_name, papers, first_paper_date, last_paper_date, coauthors, category_papers, top_categories)
            SELECT a.author_key, 'Author ' || a.author_key, 1, date '2020-01-01', date '2020-01-01', 0,
                   coalesce(k.category_papers, '{}'), coalesce(k.top_categories, '{}')
            FROM (SELECT 'a' || lpad(i::text, 5, '0') AS author_key FROM generate_series(1, 3000) i) a
            LEFT JOIN (SELECT author_key, jsonb_object_agg(category, papers) AS category_papers,
                              (array_agg(category ORDER BY papers DESC, category COLLATE "C"))[1:3] AS top_categories
                       FROM public.counts
                       GROUP BY author_key) k ON k.author_key = a.author_key;
            -- Every stored author and 200 new ones gain 1 to 3 papers in one random category; one in ten
            -- stored authors gains in two (the general ranking).
            CREATE TABLE public.gains AS
            SELECT 'a' || lpad(i::text, 5, '0') AS author_key, 'cat.' || (1 + floor(random() * 6))::integer AS category, 1 + floor(random() * 3)::integer AS papers
            FROM generate_series(1, 3200) i
            UNION ALL
            SELECT 'a' || lpad(i::text, 5, '0'), 'cat.' || (1 + (i % 6)), 1
            FROM generate_series(1, 3000, 10) i;
            INSERT INTO author_deltas (author_key, display_name, papers, added_first, added_last, removed_first, removed_last,
                                       category_papers, loses_category, coauthors, only_category, only_change)
            SELECT author_key, 'Author ' || author_key, sum(papers)::integer, date '2021-01-01', date '2021-01-01', NULL, NULL,
                   jsonb_object_agg(category, papers), false, 0,
                   CASE WHEN count(*) = 1 THEN min(category) END, CASE WHEN count(*) = 1 THEN min(papers) END
            FROM (SELECT author_key, category, sum(papers)::integer AS papers FROM public.gains GROUP BY 1, 2) g
            GROUP BY author_key;
            CREATE TABLE public.before AS SELECT author_key, top_categories FROM report_store.author_stats;
            {{script[from..to]}}
            COMMIT;
            """);

        // The counts: stored plus gained, per author and category (every author gained, the new ones too).
        Assert.Equal(0, await database.CountAsync("""
            WITH expected AS (
                SELECT author_key, jsonb_object_agg(category, papers) AS category_papers
                FROM (SELECT author_key, category, sum(papers) AS papers
                      FROM (SELECT author_key, category, papers FROM public.counts
                            UNION ALL
                            SELECT author_key, category, papers FROM public.gains) all_counts
                      GROUP BY 1, 2) summed
                GROUP BY author_key)
            SELECT count(*)
            FROM report_store.author_stats s
            FULL JOIN expected e ON e.author_key = s.author_key
            WHERE s.category_papers IS DISTINCT FROM e.category_papers
            """));
        // The top three: ranked again from the counts.
        Assert.Equal(0, await database.CountAsync("""
            SELECT count(*) FROM report_store.author_stats s
            WHERE s.top_categories IS DISTINCT FROM ARRAY(SELECT c.key FROM jsonb_each(s.category_papers) c
                                                          ORDER BY c.value::integer DESC, c.key COLLATE "C" LIMIT 3)
            """));
        // Both outcomes of the single-category path occurred: top three kept, and reordered or entered.
        Assert.True(await database.CountAsync("SELECT count(*) FROM report_store.author_stats s JOIN public.before b USING (author_key) WHERE s.top_categories = b.top_categories") > 500);
        Assert.True(await database.CountAsync("SELECT count(*) FROM report_store.author_stats s JOIN public.before b USING (author_key) WHERE s.top_categories <> b.top_categories") > 500);
    }
}
