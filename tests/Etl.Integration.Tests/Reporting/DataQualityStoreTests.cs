using Etl.Core.Generation;
using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>
/// report.data_quality reads facts the loader keeps per paper (<see cref="Etl.Core.Reconciliation.PaperQuality"/>);
/// after loads in small batches (papers touched again and again) they must equal the same figures
/// computed from the whole evidence at once, and each paper's row what sql/load/refresh_paper_quality.sql gives it.
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
    public async Task The_facts_a_load_computes_equal_the_definition_in_sql_after_every_file()
    {
        // One file at a time, in path order: generated files of new papers (one entry each), files that
        // bring later versions, other formats and papers seen before, bad entries among them; then files
        // written for the facts the generator leaves out: a paper twice in one file with two texts (a
        // duplicate and a conflict), a listing of the same version with a third text (a differing pair),
        // and a later detailed file sharing one of them.
        var files = GeneratedCorpus.Write(_corpus, new GeneratorOptions { Papers = 120, Seed = 11, IncludeBadEntries = true });
        string[] written =
        [
            Digest("disagree-1.md", "# Arxiv Papers in cs.CV on 2021-03-01", Detailed("First text.") + Detailed("Second text.")),
            Digest("disagree-2.md", "# ArXiv cs.CV --Tue, 2 Mar 2021",
                   "### 1.A Paper Seen Three Times  [ :arrow_down: ](https://arxiv.org/pdf/2103.00001.pdf)\n>  Third text.\n"),
            Digest("disagree-3.md", "# Arxiv Papers in cs.CV on 2021-03-03", Detailed("First text.")),
        ];
        await using var database = await TestCluster.CreateDatabaseAsync();
        foreach (var file in files.Concat(written))
        {
            await database.LoadAsync([file]);
            await StoreRecompute.AssertAgreesAsync(database, "report_store.paper_quality", "refresh_paper_quality");
        }

        Assert.Equal(
            "{compact,detailed} 1 {detailed} {\"compact vs detailed\"}",
            await database.ScalarAsync<string>(
                "SELECT formats::text || ' ' || duplicate_entries || ' ' || conflicting_formats::text || ' ' || differing_formats::text FROM report_store.paper_quality WHERE arxiv_id = '2103.00001'"));
    }

    private string Digest(string name, string heading, string body)
    {
        var path = Path.Combine(_corpus, "written", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, heading + "\n" + body);
        return path;
    }

    private static string Detailed(string summary) => $"""
        ### A Paper Seen Three Times
        - **Arxiv ID**: http://arxiv.org/abs/2103.00001v1
        - **Categories**: **cs.CV**
        - **Published**: 2021-03-01 10:00:00+00:00
        - **Updated**: 2021-03-01 10:00:00+00:00
        - **Authors**: Ada Lovelace
        - **Summary**: {summary}


        """;

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
