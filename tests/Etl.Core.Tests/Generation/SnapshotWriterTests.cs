using System.Text;
using System.Text.Json;
using Etl.Core.Generation;
using Xunit;

namespace Etl.Core.Tests.Generation;

/// <summary>The benchmark's big metadata snapshot and its refresh (<see cref="SnapshotWriter"/>).</summary>
public sealed class SnapshotWriterTests(BenchmarkSnapshot written) : IClassFixture<BenchmarkSnapshot>
{
    private static string Id(string line) => SnapshotLines.Record(line).GetProperty("id").GetString()!;

    private List<string> SnapshotLines_() => SnapshotLines.Split(Encoding.ASCII.GetString(written.Snapshot));

    private List<string> RefreshLines() => SnapshotLines.Split(Encoding.ASCII.GetString(written.Refresh));

    [Fact]
    public void The_same_options_give_the_same_bytes_and_another_seed_other_bytes()
    {
        var small = new SnapshotOptions { Records = 3_000, Seed = 3 };
        BenchmarkSnapshot.Write(small, out var snapshot, out var refresh);
        BenchmarkSnapshot.Write(small, out var snapshotAgain, out var refreshAgain);
        BenchmarkSnapshot.Write(small with { Seed = 4 }, out var otherSeed, out _);

        Assert.Equal(snapshot, snapshotAgain);
        Assert.Equal(refresh, refreshAgain);
        Assert.NotEqual(snapshot, otherSeed);
    }

    [Fact]
    public void Every_line_of_both_files_is_a_record_with_the_snapshot_fields_in_order()
    {
        var snapshot = SnapshotLines_();
        var refresh = RefreshLines();

        Assert.Equal(BenchmarkSnapshot.Options.Records, snapshot.Count);
        Assert.Equal(written.Summary.Bytes, written.Snapshot.Length);
        Assert.Equal(written.Summary.RefreshBytes, written.Refresh.Length);
        foreach (var ids in new[] { snapshot.Select(Id).ToList(), refresh.Select(Id).ToList() })
        {
            // Ordered by id as the real file is: new-style ids, then old-style ones (cond-mat/0105012 ...).
            Assert.Equal(ids.Order(StringComparer.Ordinal).Distinct(), ids);
            Assert.Contains(ids, id => id.Contains('/', StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_refresh_repeats_all_but_one_percent_of_the_lines_and_adds_one_percent()
    {
        var snapshot = SnapshotLines_();
        var byId = snapshot.ToDictionary(Id);
        var lines = snapshot.ToHashSet(StringComparer.Ordinal);
        var refresh = RefreshLines();
        var identical = refresh.Count(lines.Contains);
        var changed = refresh.Where(line => !lines.Contains(line) && byId.ContainsKey(Id(line))).ToList();
        var added = refresh.Count(line => !byId.ContainsKey(Id(line)));

        // Exactly one record in each block of 100 changes; 1% more are new.
        Assert.Equal(200, changed.Count);
        Assert.Equal(200, added);
        Assert.Equal(19_800, identical);
        Assert.Equal(snapshot.Count + added, refresh.Count);
        Assert.Equal((written.Summary.Identical, written.Summary.Changed, written.Summary.Added), (identical, changed.Count, added));

        // Changed: a new version, or the same versions with another text.
        var versions = changed.Select(line => (
            Before: SnapshotLines.Record(byId[Id(line)]).GetProperty("versions").GetArrayLength(),
            After: SnapshotLines.Record(line).GetProperty("versions").GetArrayLength())).ToList();
        Assert.InRange(versions.Count(pair => pair.After == pair.Before + 1), 60, 140);
        Assert.Equal(changed.Count, versions.Count(pair => pair.After == pair.Before || pair.After == pair.Before + 1));
    }

    [Fact]
    public void One_record_in_a_thousand_is_signed_by_a_collaboration_of_150_to_3000_people()
    {
        var sizes = SnapshotLines_().Select(line => SnapshotLines.Record(line).GetProperty("authors_parsed").GetArrayLength()).ToList();

        Assert.Equal(20, sizes.Count(size => size >= 150));
        Assert.All(sizes.Where(size => size > 8), size => Assert.InRange(size, 150, 3000));
        Assert.Equal(20, written.Summary.Collaborations);
    }

    [Fact]
    public void Records_average_about_the_real_files_1_65_KB()
    {
        Assert.InRange(written.Snapshot.Length / (double)BenchmarkSnapshot.Options.Records, 1_550, 1_750);
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SnapshotWriter.Write(Stream.Null, Stream.Null, new SnapshotOptions { Records = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SnapshotWriter.Write(Stream.Null, Stream.Null, new SnapshotOptions { Records = 10, ChangedShare = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SnapshotWriter.Write(Stream.Null, Stream.Null, new SnapshotOptions { Records = 10, NewShare = double.NaN }));
    }

    [Fact]
    public void Writing_to_a_folder_gives_the_snapshot_and_its_refresh_under_refresh()
    {
        var folder = Path.Combine(Path.GetTempPath(), "snapshot-writer-" + Guid.NewGuid().ToString("N"));
        try
        {
            var summary = SnapshotWriter.Write(folder, new SnapshotOptions { Records = 500, Seed = 3 });

            Assert.Equal(summary.Bytes, new FileInfo(Path.Combine(folder, "arxiv-metadata-oai-snapshot.json")).Length);
            Assert.Equal(summary.RefreshBytes, new FileInfo(Path.Combine(folder, "refresh", "arxiv-metadata-oai-snapshot.json")).Length);
            using var first = JsonDocument.Parse(File.ReadLines(Path.Combine(folder, "arxiv-metadata-oai-snapshot.json")).First());
            Assert.Equal(JsonValueKind.Array, first.RootElement.GetProperty("versions").ValueKind);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
