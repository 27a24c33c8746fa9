using Etl.Core.Model;
using Etl.Core.Reporting;
using Etl.Tests;
using Xunit;

namespace Etl.Core.Tests.Samples;

/// <summary>The pure pipeline (parse, reconcile, project) against the shared corpus and its expected warehouse.</summary>
public sealed class SampleCorpusTests
{
    [SharedSamplesTheory]
    [InlineData("seeds")]
    [InlineData("real")]
    [InlineData("listings")]
    [InlineData("snapshot/real")]
    public void Every_sample_file_parses_without_a_rejection(string folder)
    {
        foreach (var file in SharedSamples.Files(folder))
        {
            var digest = SourceFormats.Parse(file, File.ReadAllBytes(file));
            Assert.True(digest.FileRejection is null, $"{file}: {digest.FileRejection}");
            Assert.True(digest.Rejections.Count == 0, $"{file}: {string.Join("; ", digest.Rejections)}");
            Assert.NotEmpty(digest.Entries);
        }
    }

    [SharedSamplesTheory]
    [InlineData("seeds")]
    [InlineData("real")]
    [InlineData("listings")]
    [InlineData("snapshot/real")]
    [InlineData("snapshot/overlap")]
    public void Reconciling_a_sample_folder_gives_the_expected_warehouse(string folder)
    {
        var warehouse = new ReferenceWarehouse();
        foreach (var file in SharedSamples.Files(folder))
        {
            warehouse.Add(file, File.ReadAllBytes(file));
        }

        var actual = warehouse.Build().Select(ReportJson.Serialize).ToList();
        var expected = SharedSamples.Expected(folder);

        var differences = ExpectedDump.Differences(actual, expected);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }
}
