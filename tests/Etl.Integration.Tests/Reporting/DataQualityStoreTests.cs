using Etl.Core.Generation;
using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>
/// report.data_quality reads facts the loader keeps per paper; after loads in small batches (papers
/// touched again and again) they must equal the same figures computed from the whole evidence at once.
/// </summary>
public sealed class DataQualityStoreTests : IDisposable
{
    // The figures computed straight from the evidence: the definition the store must agree with.
    private const string FromEvidence = """
        WITH formats AS (
            SELECT DISTINCT format FROM warehouse.digests WHERE format IS NOT NULL
        ),
        only_from AS (
            SELECT format, count(*) AS papers
            FROM (SELECT min(format) AS format FROM warehouse.evidence GROUP BY arxiv_id HAVING count(DISTINCT format) = 1) single
            GROUP BY format
        ),
        -- The version each entry speaks for: named by the entry, or assigned by reconciliation.
        texts AS MATERIALIZED (
            SELECT e.digest_id, e.arxiv_id, coalesce(e.version, cv.version) AS version, e.format,
                   hashtextextended(coalesce(e.title, '') || E'\n' || coalesce(e.abstract, ''), 0) AS text_hash
            FROM warehouse.evidence e
            LEFT JOIN warehouse.compact_versions cv ON cv.digest_id = e.digest_id AND cv.line = e.line
        ),
        version_texts AS MATERIALIZED (
            SELECT DISTINCT arxiv_id, version, format, text_hash FROM texts WHERE version IS NOT NULL
        ),
        conflicting AS (
            SELECT format, count(*) AS versions
            FROM (SELECT format FROM version_texts GROUP BY arxiv_id, version, format HAVING count(*) > 1) c
            GROUP BY format
        ),
        -- Pairs of formats that both have a text for a version, minus the pairs that share one of those texts:
        -- the versions on which two formats disagree. Pairs come from unnesting small per-version arrays, never
        -- from joining the version list with itself, so no plan is quadratic in the papers.
        differing AS (
            SELECT v.arxiv_id, v.version, a.format AS format_a, b.format AS format_b
            FROM (SELECT arxiv_id, version, array_agg(DISTINCT format) AS formats FROM version_texts GROUP BY 1, 2) v,
                 unnest(v.formats) AS a (format), unnest(v.formats) AS b (format)
            WHERE a.format < b.format
            EXCEPT
            SELECT t.arxiv_id, t.version, a.format, b.format
            FROM (SELECT arxiv_id, version, array_agg(DISTINCT format) AS formats FROM version_texts GROUP BY arxiv_id, version, text_hash) t,
                 unnest(t.formats) AS a (format), unnest(t.formats) AS b (format)
            WHERE a.format < b.format
        ),
        differing_pairs AS (
            SELECT format_a, format_b, count(*) AS versions FROM differing GROUP BY 1, 2
        )
        SELECT 'papers_only_from_' || f.format AS metric, NULL::text AS detail, coalesce(o.papers, 0) AS value
        FROM formats f LEFT JOIN only_from o ON o.format = f.format
        UNION ALL
        SELECT 'rejected_files', NULL, count(*) FROM warehouse.digests WHERE outcome = 'rejected'
        UNION ALL
        SELECT 'rejected_entries', NULL, count(*) FROM warehouse.rejections r
        JOIN warehouse.digests d ON d.digest_id = r.digest_id WHERE d.outcome <> 'rejected'
        UNION ALL
        -- By reason, with quoted values (the offending text) folded so that one reason is one row.
        (SELECT 'rejected_entries_by_reason', regexp_replace(r.reason, '''[^'']*''', '''…''', 'g'), count(*)
         FROM warehouse.rejections r
         JOIN warehouse.digests d ON d.digest_id = r.digest_id
         WHERE d.outcome <> 'rejected'
         GROUP BY 2)
        UNION ALL
        SELECT 'duplicate_entries_within_a_file', NULL,
               (SELECT count(*) FROM texts) - (SELECT count(*) FROM (SELECT DISTINCT digest_id, arxiv_id FROM texts) per_file)
        UNION ALL
        SELECT 'versions_seen_with_different_texts', f.format, coalesce(c.versions, 0)
        FROM formats f LEFT JOIN conflicting c ON c.format = f.format
        UNION ALL
        SELECT 'cross_format_versions_with_different_texts', fa.format || ' vs ' || fb.format, coalesce(d.versions, 0)
        FROM formats fa
        JOIN formats fb ON fb.format > fa.format
        LEFT JOIN differing_pairs d ON d.format_a = fa.format AND d.format_b = fb.format
        UNION ALL
        SELECT 'papers_left_out_of_coauthor_pairs', 'more than ' || s.pair_author_limit || ' authors',
               (SELECT count(*) FROM (SELECT arxiv_id FROM warehouse.paper_authors GROUP BY arxiv_id
                                      HAVING count(DISTINCT author_key) > s.pair_author_limit) large)
        FROM report_store.settings s
        """;

    private readonly string _corpus = Directory.CreateTempSubdirectory("etl-quality-").FullName;

    [Fact]
    public async Task Incremental_facts_equal_the_figures_computed_from_all_evidence()
    {
        CorpusWriter.Write(_corpus, new GeneratorOptions { Papers = 300, Seed = 5, IncludeBadEntries = true });
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.LoadAsync(Directory.GetFiles(_corpus, "*.md", SearchOption.AllDirectories), new LoaderOptions { BatchFiles = 3 });

        var stored = await FiguresAsync(database, "SELECT metric, coalesce(detail, ''), value FROM report.data_quality WHERE metric <> 'mojibake_repairs'");
        var computed = await FiguresAsync(database, $"SELECT metric, coalesce(detail, ''), value FROM ({FromEvidence}) q");

        Assert.Equal(computed, stored);
        Assert.Contains(stored, figure => figure.StartsWith("rejected_entries ", StringComparison.Ordinal) && !figure.EndsWith(" 0", StringComparison.Ordinal));
        Assert.Contains(stored, figure => figure.StartsWith("cross_format_versions_with_different_texts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Papers_known_from_one_entry_get_the_facts_the_general_refresh_gives_them()
    {
        // One file at a time, in path order: a file whose papers are all new takes the one-entry script,
        // one with papers seen before the general one. Later files give most papers more entries, so each
        // one-entry load is checked right away.
        var files = GeneratedCorpus.Write(_corpus, new GeneratorOptions { Papers = 120, Seed = 11 });
        await using var database = await TestCluster.CreateDatabaseAsync();
        int oneEntry = 0, general = 0;
        foreach (var file in files)
        {
            var timings = (await database.LoadAsync([file])).Timings;
            general += timings.ContainsKey("report store: refresh_paper_quality") ? 1 : 0;
            if (timings.ContainsKey("report store: refresh_paper_quality_one_entry"))
            {
                oneEntry++;
                await StoreRecompute.AssertAgreesAsync(database, "report_store.paper_quality", "refresh_paper_quality");
            }
        }

        Assert.True(oneEntry > 0 && general > 0, $"{oneEntry} loads took the one-entry script, {general} the general one");
    }

    private static async Task<List<string>> FiguresAsync(TestDatabase database, string sql)
    {
        var figures = new List<string>();
        await using var command = database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            figures.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetInt64(2)}");
        }

        figures.Sort(StringComparer.Ordinal);
        return figures;
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
