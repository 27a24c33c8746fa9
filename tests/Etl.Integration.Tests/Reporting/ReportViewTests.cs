using Etl.Tests;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>
/// Every report view on the shared seeds, with values checked by hand against the digest files
/// (000 and 002, 003: detailed cs.CV of 2020-09-30, 2021-05-31, 2020-11-22; 001, 004: compact cs.CV of
/// 2020-10-01 and 2020-05-22; 000 and 001 share 34 papers).
/// </summary>
public sealed class ReportViewTests(SeedsWarehouse seeds) : IClassFixture<SeedsWarehouse>
{
    [SharedSamplesFact]
    public async Task Revisions_count_known_versions_and_compare_v1_with_the_latest()
    {
        // 2009.14721: v1 only in the compact listing ("Texture-aware Multi-resolution Image Inpainting"),
        // v2 of 2021-02-13 in the detailed digest with a new title.
        var revised = await RowAsync("SELECT latest_version, known_versions, days_v1_to_latest, title_changed, abstract_changed FROM report.revisions WHERE arxiv_id = '2009.14721'");
        Assert.Equal((2, 2, 136.02m, true), ((int)revised[0], (int)revised[1], (decimal)revised[2], (bool)revised[3]));

        // 2009.14684: v1 (compact) and v3 (detailed) known, v2 never named; the title stayed.
        var skipped = await RowAsync("SELECT latest_version, known_versions, title_changed FROM report.revisions WHERE arxiv_id = '2009.14684'");
        Assert.Equal((3, 2, false), ((int)skipped[0], (int)skipped[1], (bool)skipped[2]));

        Assert.Equal(193, await seeds.Database.CountAsync("SELECT count(*) FROM report.revisions"));
    }

    [SharedSamplesFact]
    public async Task Digests_show_the_ingest_log_with_new_and_updated_papers()
    {
        // Loaded in header-date order: 004 (compact, 2020-05-22), 000 (detailed, 09-30), 001 (compact, 10-01) ...
        // 001 lists 46 papers, 34 of them already in 000: 12 new, 34 updated.
        var compact = await RowAsync("SELECT format, category, digest_date, entries, new_papers, papers_updated, rejected_entries, outcome FROM report.digests WHERE file LIKE '%001_728a022238cb180a.txt'");
        Assert.Equal(("compact", "cs.CV", new DateOnly(2020, 10, 1), 46, 12, 34, 0, "loaded"),
            ((string)compact[0], (string)compact[1], (DateOnly)compact[2], (int)compact[3], (int)compact[4], (int)compact[5], (int)compact[6], (string)compact[7]));
        Assert.Equal(5, await seeds.Database.CountAsync("SELECT count(*) FROM report.digests"));
        Assert.Equal(193, await seeds.Database.CountAsync("SELECT sum(new_papers) FROM report.digests"));
    }

    [SharedSamplesFact]
    public async Task Data_quality_counts_papers_known_from_one_format_only_per_format()
    {
        // 193 papers: 42 + 12 compact only (004, and 001 beyond its 34 shared), 47 - 34 + 28 + 64 detailed only.
        Assert.Equal(54, await MetricAsync("papers_only_from_compact"));
        Assert.Equal(105, await MetricAsync("papers_only_from_detailed"));
        Assert.Equal(0, await MetricAsync("rejected_entries"));
        Assert.Equal(0, await MetricAsync("duplicate_entries_within_a_file"));
        Assert.Equal(1, await seeds.Database.CountAsync("SELECT count(*) FROM report.data_quality WHERE metric = 'cross_format_versions_with_different_texts' AND detail = 'compact vs detailed'"));
    }

    [SharedSamplesFact]
    public async Task Data_quality_counts_the_words_repaired_as_mojibake()
    {
        // Only 002 has mojibake, all in author lists, one count per word: line 191 Am√©lie; line 634
        // Barbero-G√≥mez, Guti√©rrez, V√≠ctor-Manuel, C√©sar, Herv√°s-Mart√≠nez; line 835 (Mac Roman)
        // Bart≈Çomiej, Wr√≥blewski, Wo≈∫niak, Rados≈Çaw, S≈Çowi≈Ñski, Czy≈ºewski.
        Assert.Equal(12, await MetricAsync("mojibake_repairs"));
        Assert.Equal(12, await seeds.Database.CountAsync("SELECT mojibake_repairs FROM warehouse.digests WHERE path LIKE '%002_f1063c4f29cf3f62.txt'"));
    }

    [SharedSamplesFact]
    public async Task Daily_submissions_count_new_papers_revisions_and_cross_listings_per_day()
    {
        // 000 lists the 47 submissions of 2020-09-30: 34 with primary cs.CV.
        var day = await RowAsync("SELECT new_papers, cross_listed_papers FROM report.daily_submissions WHERE submission_date = '2020-09-30' AND category = 'cs.CV'");
        Assert.Equal((34, 13), ((int)day[0], (int)day[1]));
        Assert.Equal(47, await seeds.Database.CountAsync("SELECT sum(new_papers) FROM report.daily_submissions WHERE submission_date = '2020-09-30'"));
        // 2009.14721's v2 is a revision of a cs.CV paper on 2021-02-13.
        Assert.True(await seeds.Database.CountAsync("SELECT new_versions FROM report.daily_submissions WHERE submission_date = '2021-02-13' AND category = 'cs.CV'") >= 1);
        // Papers known only from compact listings have no submission time: 193 - 54.
        Assert.Equal(139, await seeds.Database.CountAsync("SELECT sum(new_papers) FROM report.daily_submissions"));
    }

    [SharedSamplesFact]
    public async Task Category_trends_give_each_month_its_shares()
    {
        var month = await RowAsync("SELECT primary_papers, cross_listed_papers, share_of_month FROM report.category_trends WHERE month = '2020-09-01' AND category = 'cs.CV'");
        Assert.Equal((34, 13, 0.7234m), ((int)month[0], (int)month[1], (decimal)month[2]));
        Assert.Equal(0, await seeds.Database.CountAsync("SELECT count(*) FROM (SELECT month FROM report.category_trends GROUP BY month HAVING abs(sum(share_of_month) - 1) > 0.001) off"));
    }

    [SharedSamplesFact]
    public async Task Authors_and_coauthorships_count_people_once_per_paper()
    {
        // Gerhard Rigoll and Okan Köpüklü sign 2009.14639 and 2009.14660 (000, both submitted 2020-09-30).
        var pair = await RowAsync("SELECT display_name_b, joint_papers, first_joint_date FROM report.coauthorships WHERE author_key_a = 'gerhard rigoll' AND author_key_b = 'okan kopuklu'");
        Assert.Equal(("Okan Köpüklü", 2, new DateOnly(2020, 9, 30)), ((string)pair[0], (int)pair[1], (DateOnly)pair[2]));

        // Chen Lin: 2009.14737 (000, primary cs.LG, 2020-09-30) and 2011.10904 (003, cs.CV, 2020-11-22); ties by code.
        var author = await RowAsync("SELECT display_name, papers, first_paper_date, last_paper_date, top_categories FROM report.authors WHERE author_key = 'chen lin'");
        Assert.Equal(("Chen Lin", 2, new DateOnly(2020, 9, 30), new DateOnly(2020, 11, 22)),
            ((string)author[0], (int)author[1], (DateOnly)author[2], (DateOnly)author[3]));
        Assert.Equal(["cs.CV", "cs.LG"], (string[])author[4]);

        // Amélie Gruel is spelled as Mac Roman mojibake in 002; the display name is repaired.
        Assert.Equal(1, await seeds.Database.CountAsync("SELECT papers FROM report.authors WHERE display_name = 'Amélie Gruel'"));
        // A name listed twice on one paper (titles such as "M. D.") never makes a paper count twice.
        Assert.Equal(0, await seeds.Database.CountAsync("SELECT count(*) FROM report.coauthorships c JOIN report.authors a ON a.author_key = c.author_key_a WHERE c.joint_papers > a.papers"));
    }

    [SharedSamplesFact]
    public async Task Papers_keep_the_contract_after_the_rewrite()
    {
        var paper = await RowAsync("SELECT authors, categories FROM report.papers WHERE arxiv_id = '2009.14721'");
        Assert.NotEmpty((string[])paper[0]);
        Assert.Equal(0, await seeds.Database.CountAsync("""
            SELECT count(*) FROM report.papers p
            WHERE p.authors IS DISTINCT FROM coalesce((SELECT array_agg(a.display_name ORDER BY pa.position)
                                                        FROM warehouse.paper_authors pa JOIN warehouse.authors a USING (author_key)
                                                        WHERE pa.arxiv_id = p.arxiv_id), '{}')
               OR p.categories IS DISTINCT FROM coalesce((SELECT array_agg(code ORDER BY code COLLATE "C")
                                                           FROM warehouse.paper_categories pc WHERE pc.arxiv_id = p.arxiv_id), '{}')
            """));
    }

    [SharedSamplesFact]
    public async Task Every_report_view_and_column_is_described()
    {
        Assert.Equal(0, await seeds.Database.CountAsync("""
            SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'report' AND c.relkind = 'v' AND obj_description(c.oid, 'pg_class') IS NULL
            """));
        Assert.Equal(0, await seeds.Database.CountAsync("""
            SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'report' AND c.relkind = 'v' AND a.attnum > 0 AND col_description(c.oid, a.attnum) IS NULL
            """));
    }

    [SharedSamplesFact]
    public async Task A_load_leaves_the_grown_tables_analyzed()
    {
        Assert.Equal(0, await seeds.Database.CountAsync("""
            SELECT count(*) FROM pg_stat_user_tables
            WHERE schemaname IN ('warehouse', 'report_store') AND relname IN ('papers', 'paper_authors', 'paper_versions', 'evidence', 'paper_lists')
              AND last_analyze IS NULL
            """));

        // The texts' widths, which size the hashes of the joins that carry them (sql/load/analyze_grown.sql).
        Assert.Equal(4, await seeds.Database.CountAsync("""
            SELECT count(*) FROM pg_stats
            WHERE schemaname = 'warehouse' AND tablename IN ('papers', 'paper_versions') AND attname IN ('title', 'abstract')
              AND avg_width > 32
            """));
    }

    private async Task<long> MetricAsync(string metric) =>
        await seeds.Database.CountAsync($"SELECT value FROM report.data_quality WHERE metric = '{metric}'");

    private async Task<object[]> RowAsync(string sql)
    {
        await using var command = seeds.Database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no row for: {sql}");
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }
}
