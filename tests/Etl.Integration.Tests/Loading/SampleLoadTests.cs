using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Xunit;

namespace Etl.Integration.Tests.Loading;

/// <summary>The shared samples loaded into a real PostgreSQL give exactly the expected contract views.</summary>
public sealed class SampleLoadTests
{
    [SharedSamplesTheory]
    [InlineData("seeds")]
    [InlineData("real")]
    [InlineData("listings")]
    [InlineData("snapshot/real")]
    public async Task Loading_a_sample_folder_gives_the_expected_views(string folder)
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        var summary = await database.LoadAsync(SharedSamples.Files(folder));

        Assert.Equal(0, summary.RejectedEntries);
        Assert.Equal(0, summary.FilesRejected);
        var expected = SharedSamples.Expected(folder);
        var differences = ExpectedDump.Differences(await database.DumpAsync(), expected);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.Equal(expected.Length, summary.NewPapers);
    }

    [SharedSamplesFact]
    public async Task The_snapshot_overlap_sample_gives_the_expected_views_with_its_malformed_records_rejected()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        var summary = await database.LoadAsync(SharedSamples.Files("snapshot/overlap"));

        var expected = SharedSamples.Expected("snapshot/overlap");
        var differences = ExpectedDump.Differences(await database.DumpAsync(), expected);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.Equal(expected.Length, summary.NewPapers);

        // The older and the newer snapshot repeat records byte for byte: each is stored once, under the first file loaded.
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM (SELECT record_sha256 FROM warehouse.evidence WHERE record_sha256 IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d"));
        Assert.True(await database.CountAsync("SELECT sum(records_unchanged) FROM warehouse.digests WHERE format = 'snapshot'") > 0);
        Assert.True(await database.CountAsync("SELECT count(*) FROM warehouse.rejections r JOIN warehouse.digests d USING (digest_id) WHERE d.format = 'snapshot'") > 0);
    }

    [SharedSamplesFact]
    public async Task Seeds_show_the_cases_the_product_was_specified_from()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        var summary = await database.LoadAsync(SharedSamples.Files("seeds"));

        Assert.Equal(193, await database.CountAsync("SELECT count(*) FROM report.papers"));
        Assert.Equal(252, await database.CountAsync("SELECT count(*) FROM report.paper_versions"));
        Assert.Equal(193, summary.NewPapers);
        Assert.Equal(252, summary.NewVersions);
        Assert.Equal("Texture-aware Multi-resolution Image Inpainting",
            await database.ScalarAsync<string>("SELECT title FROM report.paper_versions WHERE arxiv_id = '2009.14721' AND version = 1"));
        Assert.Equal("compact", await database.ScalarAsync<string>("SELECT source FROM report.paper_versions WHERE arxiv_id = '2009.14721' AND version = 1"));
        Assert.Equal("Efficient texture-aware multi-GAN for image inpainting",
            await database.ScalarAsync<string>("SELECT title FROM report.papers WHERE arxiv_id = '2009.14721'"));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM report.papers WHERE 'Amélie Gruel' = ANY(authors)"));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM report.papers WHERE array_to_string(authors, ',') LIKE '%√%'"));
        Assert.Equal(2, await database.ScalarAsync<int>("SELECT latest_version FROM report.papers WHERE arxiv_id = '2009.14376'"));
    }

    [SharedSamplesFact]
    public async Task Loading_the_same_files_again_changes_nothing()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        var files = SharedSamples.Files("seeds");
        await database.LoadAsync(files);
        var first = await database.DumpAsync();
        var evidence = await database.CountAsync("SELECT count(*) FROM warehouse.evidence");
        var variants = await database.ScalarAsync<decimal>("SELECT sum(entries) FROM warehouse.author_variants");

        var outcomes = new List<FileOutcome>();
        var again = await database.LoadAsync(files, onFile: outcomes.Add);

        Assert.All(outcomes, outcome => Assert.Equal(FileOutcomeKind.AlreadyLoaded, outcome.Kind));
        Assert.Equal((0, 0, 0L), (again.FilesLoaded, again.NewPapers > 0 ? 1 : 0, again.Entries));
        Assert.Equal(first, await database.DumpAsync());
        Assert.Equal(evidence, await database.CountAsync("SELECT count(*) FROM warehouse.evidence"));
        Assert.Equal(variants, await database.ScalarAsync<decimal>("SELECT sum(entries) FROM warehouse.author_variants"));
    }
}
