using Etl.Tests;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>
/// report.search_papers on the shared seeds: what each part of the query language finds, checked against the
/// texts themselves (regular expressions over report.papers), the filters, the ranking, and the reader role.
/// </summary>
public sealed class SearchTests(SeedsWarehouse seeds) : IClassFixture<SeedsWarehouse>
{
    [SharedSamplesFact]
    public async Task A_quoted_phrase_finds_the_papers_with_those_words_in_that_order_only()
    {
        Assert.Equal(await PapersAsync("title ~* 'image inpainting' OR abstract ~* 'image inpainting'"), Ids(await SearchAsync("'\"image inpainting\"'")));
        Assert.Empty(await SearchAsync("'\"inpainting image\"'"));
    }

    [SharedSamplesFact]
    public async Task A_minus_word_excludes_and_or_joins()
    {
        var inpainting = Ids(await SearchAsync("'inpainting'"));
        Assert.Equal(await PapersAsync("title || ' ' || coalesce(abstract, '') ~* 'inpainting'"), inpainting);
        Assert.Equal(2, inpainting.Count);
        Assert.Equal(
            await PapersAsync("title || ' ' || coalesce(abstract, '') ~* 'inpainting' AND title || ' ' || coalesce(abstract, '') !~* '\\mGANs?\\M'"),
            Ids(await SearchAsync("'inpainting -GAN'")));

        var distillation = Ids(await SearchAsync("'\"knowledge distillation\"'"));
        Assert.NotEmpty(distillation);
        Assert.Equal([.. inpainting.Union(distillation).Order(StringComparer.Ordinal)], Ids(await SearchAsync("'inpainting or \"knowledge distillation\"'")));
    }

    [SharedSamplesFact]
    public async Task Author_names_keep_their_stop_words_and_rank_with_title_matches()
    {
        // "he" is an english stop word: only the author names' simple configuration keeps it.
        var byHe = Ids(await SearchAsync("'he'", maxRows: 500));
        Assert.Equal(await PapersAsync("EXISTS (SELECT FROM unnest(authors) a WHERE a ~ '\\mHe\\M')"), byHe);
        Assert.True(byHe.Count >= 3, $"the seeds have several authors named He, found {byHe.Count} papers");

        // Names are matched as their identity keys are written: accents and case do not matter.
        var amelie = await PapersAsync("EXISTS (SELECT FROM unnest(authors) a WHERE a ~ '\\mAmélie\\M')");
        Assert.NotEmpty(amelie);
        Assert.Equal(amelie, Ids(await SearchAsync("'Amelie'")));
        Assert.Equal(amelie, Ids(await SearchAsync("'AMÉLIE'")));

        // Di He's papers come before the papers whose abstract merely says "DI".
        var diHe = await PapersAsync("'Di He' = ANY (authors)");
        var results = await SearchAsync("'Di He'");
        Assert.NotEmpty(diHe);
        Assert.Equal(diHe, [.. results.Take(diHe.Count).Select(row => row.Id).Order(StringComparer.Ordinal)]);
    }

    [SharedSamplesFact]
    public async Task Category_and_utc_dates_filter_inclusively()
    {
        var learning = await SearchAsync("'learning'", maxRows: 1000);
        Assert.True(learning.Count > 50, $"'learning' found {learning.Count} papers");

        var inLg = await SearchAsync("'learning', category => 'cs.LG'", maxRows: 1000);
        Assert.Equal(
            [.. learning.Select(row => row.Id).Intersect(await PapersAsync("'cs.LG' = ANY (categories)")).Order(StringComparer.Ordinal)],
            Ids(inLg));
        Assert.True(inLg.Count > 0 && inLg.Count < learning.Count);

        // 2020-09-30 from its first second (00:13:49 UTC is the earliest paper) to its last, both bounds inclusive.
        var day = await PapersAsync("published_at >= '2020-09-30 00:00:00+00' AND published_at < '2020-10-01 00:00:00+00'");
        Assert.Equal(
            [.. learning.Select(row => row.Id).Intersect(day).Order(StringComparer.Ordinal)],
            Ids(await SearchAsync("'learning', since => '2020-09-30', until => '2020-09-30'", maxRows: 1000)));
        Assert.Contains("2009.14721", Ids(await SearchAsync("'inpainting', since => '2020-09-30', until => '2020-09-30'")));
        Assert.Empty(await SearchAsync("'inpainting', until => '2020-09-29'"));
        Assert.Empty(await SearchAsync("'inpainting', since => '2020-10-01', until => '2020-12-31'"));
    }

    [SharedSamplesFact]
    public async Task A_paper_is_found_by_its_current_title_not_by_an_older_one()
    {
        // 2009.14721 v1 was "Texture-aware Multi-resolution Image Inpainting"; v2 renamed it.
        Assert.Equal(1, await seeds.Database.CountAsync("SELECT count(*) FROM report.paper_versions WHERE arxiv_id = '2009.14721' AND version = 1 AND title ~* 'multi-resolution image inpainting'"));
        Assert.Equal(["2009.14721"], Ids(await SearchAsync("'\"multi-GAN\" inpainting'")));
        Assert.Empty(await SearchAsync("'\"multi-resolution image inpainting\"'"));
    }

    [SharedSamplesFact]
    public async Task Results_are_ordered_by_rank_then_arxiv_id_and_a_title_match_ranks_first()
    {
        var learning = await SearchAsync("'learning'", maxRows: 1000);
        for (var i = 1; i < learning.Count; i++)
        {
            Assert.True(
                learning[i - 1].Rank > learning[i].Rank || (learning[i - 1].Rank == learning[i].Rank && string.CompareOrdinal(learning[i - 1].Id, learning[i].Id) < 0),
                $"row {i}: {learning[i - 1]} before {learning[i]}");
        }

        // Ties exist (papers with the same occurrences of the word), so the order among them is checked too.
        Assert.Contains(learning.Zip(learning.Skip(1)), pair => pair.First.Rank == pair.Second.Rank);

        // 2009.14721 has "inpainting" in its title; the other paper only in its abstract.
        var inpainting = await SearchAsync("'inpainting'");
        Assert.Equal("2009.14721", inpainting[0].Id);
        Assert.True(inpainting[0].Rank > inpainting[1].Rank);
        Assert.Contains("«inpainting»", inpainting[0].Snippet, StringComparison.OrdinalIgnoreCase);
    }

    [SharedSamplesFact]
    public async Task The_reader_may_call_it_and_nobody_else_is_granted_it()
    {
        var reader = await seeds.ReaderAsync();
        await using (var command = reader.CreateCommand("SELECT arxiv_id, snippet FROM report.search_papers('\"image inpainting\"')"))
        await using (var rows = await command.ExecuteReaderAsync())
        {
            Assert.True(await rows.ReadAsync());
            Assert.Equal("2009.14721", rows.GetString(0));
        }

        Assert.Equal(0, await seeds.Database.CountAsync(
            "SELECT count(*) FROM pg_proc p, aclexplode(p.proacl) a WHERE p.oid = 'report.search_papers'::regproc AND a.grantee = 0"));
    }

    private async Task<List<Row>> SearchAsync(string arguments, int maxRows = 50)
    {
        await using var command = seeds.Database.DataSource.CreateCommand($"SELECT arxiv_id, rank, snippet FROM report.search_papers({arguments}, max_rows => {maxRows})");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetFloat(1), reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>The papers of report.papers meeting a condition, in byte order.</summary>
    private async Task<List<string>> PapersAsync(string condition)
    {
        await using var command = seeds.Database.DataSource.CreateCommand($"SELECT arxiv_id FROM report.papers WHERE {condition} ORDER BY arxiv_id COLLATE \"C\"");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static List<string> Ids(List<Row> rows) => [.. rows.Select(row => row.Id).Order(StringComparer.Ordinal)];

    private sealed record Row(string Id, float Rank, string Snippet);
}
