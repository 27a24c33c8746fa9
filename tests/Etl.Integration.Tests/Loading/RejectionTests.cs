using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Loading;

/// <summary>Bad input is answered with a stored, queryable reason; everything else still loads.</summary>
public sealed class RejectionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("etl-rejections-").FullName;

    [Fact]
    public async Task A_bad_entry_and_a_file_that_is_not_a_digest_are_recorded_and_the_rest_loads()
    {
        var good = Write("good.md", """
            # Arxiv Papers in cs.CV on 2020-09-30

            ### Good paper
            - **Arxiv ID**: http://arxiv.org/abs/2009.00001v1
            - **Published**: 2020-09-29 10:00:00+00:00
            - **Updated**: 2020-09-29 10:00:00+00:00
            - **Authors**: Ada Lovelace
            - **Categories**: cs.CV, cs.FOO

            ### Bad paper
            - **Arxiv ID**: http://arxiv.org/abs/not-an-id
            - **Published**: 2020-09-29 10:00:00+00:00
            - **Updated**: 2020-09-29 10:00:00+00:00
            """);
        var notes = Write("notes.txt", "shopping list\n- milk\n");
        await using var database = await TestCluster.CreateDatabaseAsync();

        var outcomes = new List<FileOutcome>();
        var summary = await database.LoadAsync([good, notes], onFile: outcomes.Add);

        Assert.Equal((1, 1, 1L, 1L), (summary.FilesLoaded, summary.FilesRejected, summary.Entries, summary.RejectedEntries));
        Assert.True(summary.AnyRejected);
        Assert.Equal([FileOutcomeKind.LoadedWithRejections, FileOutcomeKind.Rejected], outcomes.Select(o => o.Kind));
        Assert.Equal(11, outcomes[0].Rejections.Single().Line);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM report.papers WHERE arxiv_id = '2009.00001'"));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM warehouse.categories WHERE code = 'cs.FOO' AND name IS NULL"));
        Assert.Equal("Computer Vision and Pattern Recognition", await database.ScalarAsync<string>("SELECT name FROM warehouse.categories WHERE code = 'cs.CV'"));

        Assert.Equal(1, await database.CountAsync("""
            SELECT count(*) FROM warehouse.rejections r JOIN warehouse.digests d USING (digest_id)
            WHERE d.path LIKE '%good.md' AND r.line = 11 AND r.reason LIKE 'malformed Arxiv ID%' AND d.outcome = 'loaded_with_rejections'
            """));
        Assert.Equal(1, await database.CountAsync("""
            SELECT count(*) FROM warehouse.rejections r JOIN warehouse.digests d USING (digest_id)
            WHERE d.path LIKE '%notes.txt' AND r.line = 1 AND r.reason LIKE 'line 1: not a digest%' AND d.outcome = 'rejected'
            """));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
