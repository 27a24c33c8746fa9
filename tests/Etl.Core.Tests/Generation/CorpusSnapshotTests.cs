using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Etl.Core.Generation;
using Etl.Core.Model;
using Etl.Core.Normalization;
using Xunit;

namespace Etl.Core.Tests.Generation;

/// <summary>The metadata snapshots of a generated corpus (<see cref="GeneratorOptions.Snapshots"/>) and how they meet its digests.</summary>
public sealed partial class CorpusSnapshotTests
{
    private const string Newer = "snapshot/arxiv-metadata-oai-snapshot.json";

    private static readonly GeneratorOptions Options = new() { Papers = 300, Seed = 7, Snapshots = true };

    private static readonly Lazy<List<GeneratedFile>> Corpus = new(() => [.. CorpusGenerator.Generate(Options)]);

    private static readonly Lazy<List<GeneratedFile>> CorpusWithBadEntries = new(() => [.. CorpusGenerator.Generate(Options with { IncludeBadEntries = true })]);

    private static (GeneratedFile Older, GeneratedFile Newer) Snapshots(List<GeneratedFile> files) =>
        (Assert.Single(files, file => OlderPath().IsMatch(file.RelativePath)), Assert.Single(files, file => file.RelativePath == Newer));

    private static IEnumerable<(string Path, JsonElement Record)> Records(List<GeneratedFile> files)
    {
        var (older, newer) = Snapshots(files);
        return SnapshotLines.Split(older.Content).Select(line => (older.RelativePath, SnapshotLines.Record(line)))
            .Concat(SnapshotLines.Split(newer.Content).Select(line => (newer.RelativePath, SnapshotLines.Record(line))));
    }

    [Fact]
    public void The_same_options_give_the_same_bytes_and_another_seed_other_bytes()
    {
        var again = CorpusGenerator.Generate(Options with { IncludeBadEntries = true }).ToList();
        var otherSeed = CorpusGenerator.Generate(Options with { IncludeBadEntries = true, Seed = 8 }).ToList();

        Assert.Equal(CorpusWithBadEntries.Value, again);
        Assert.NotEqual(Snapshots(CorpusWithBadEntries.Value).Newer.Content, Snapshots(otherSeed).Newer.Content);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Snapshots_add_two_files_and_change_no_other_byte(bool badEntries)
    {
        var with = badEntries ? CorpusWithBadEntries.Value : Corpus.Value;
        var without = CorpusGenerator.Generate(Options with { Snapshots = false, IncludeBadEntries = badEntries }).ToList();

        // Paths and bytes; NewPapers moves to the older snapshot for papers it shows before their first digest.
        var (older, newer) = Snapshots(with);
        Assert.Equal(
            without.Select(file => (file.RelativePath, file.Content)),
            with.Where(file => file != older && file != newer).Select(file => (file.RelativePath, file.Content)));
        Assert.Equal(Options.Papers + 6 + (Options.Papers / 20), with.Sum(file => file.NewPapers));
    }

    [Fact]
    public void Every_line_is_a_record_with_the_snapshot_fields_in_order_and_ids_in_order()
    {
        var (older, newer) = Snapshots(Corpus.Value);
        foreach (var file in new[] { older, newer })
        {
            Assert.EndsWith("\n", file.Content, StringComparison.Ordinal);
            var ids = SnapshotLines.Split(file.Content).Select(line => SnapshotLines.Record(line).GetProperty("id").GetString()!).ToList();
            Assert.Equal(ids.Order(StringComparer.Ordinal).Distinct(), ids);
        }
    }

    [Fact]
    public void Malformed_lines_come_only_with_bad_entries_and_never_first()
    {
        var (older, newer) = Snapshots(CorpusWithBadEntries.Value);
        foreach (var file in new[] { older, newer })
        {
            var lines = SnapshotLines.Split(file.Content);
            SnapshotLines.Record(lines[0]);
            Assert.False(file.Content.EndsWith('\n'));
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(lines[^1]));
            var parsed = lines.SkipLast(1).Select(line => JsonDocument.Parse(line).RootElement).ToList();
            Assert.Contains(parsed, line => line.ValueKind == JsonValueKind.Array);
            var objects = parsed.Where(line => line.ValueKind == JsonValueKind.Object).ToList();
            Assert.Contains(objects, record => record.GetProperty("title").GetString() == string.Empty);
            Assert.Contains(objects, record => record.GetProperty("versions").GetArrayLength() == 0);
            Assert.Contains(objects, record => record.GetProperty("versions").EnumerateArray()
                .Any(version => version.GetProperty("created").GetString() is { } created && !created.EndsWith(" GMT", StringComparison.Ordinal)));
        }

        // Without bad entries every line passes SnapshotLines.Record, which rejects each of these.
        Assert.All(Records(Corpus.Value), record => Assert.NotEqual(JsonValueKind.Undefined, record.Record.ValueKind));
    }

    [Fact]
    public void The_snapshots_share_some_lines_byte_for_byte_and_differ_on_others()
    {
        var (older, newer) = Snapshots(Corpus.Value);
        var olderLines = SnapshotLines.Split(older.Content);
        var newerById = SnapshotLines.Split(newer.Content).ToDictionary(line => SnapshotLines.Record(line).GetProperty("id").GetString()!);
        var shared = olderLines.Select(line => (Line: line, Id: SnapshotLines.Record(line).GetProperty("id").GetString()!))
            .Where(line => newerById.ContainsKey(line.Id))
            .ToList();

        Assert.Contains(shared, line => newerById[line.Id] == line.Line);
        Assert.Contains(shared, line => newerById[line.Id] != line.Line);
        Assert.True(olderLines.Count < newerById.Count, "the older snapshot holds fewer papers");
    }

    [Fact]
    public void Snapshot_only_papers_include_old_style_ids_and_large_collaborations()
    {
        var listed = CorpusIds(Corpus.Value);
        var (older, newer) = Snapshots(Corpus.Value);
        foreach (var file in new[] { older, newer })
        {
            var records = SnapshotLines.Split(file.Content).Select(SnapshotLines.Record).ToList();
            var only = records.Select(record => record.GetProperty("id").GetString()!).Where(id => !listed.Contains(id)).ToList();

            Assert.Equal(6 + (Options.Papers / 20), only.Count);
            Assert.Contains(only, id => OldStyleBeforeApril2007().IsMatch(id));
            Assert.Contains(records, record => record.GetProperty("authors_parsed").GetArrayLength() is >= 150 and <= 3000);
            Assert.Contains(records, record => record.GetProperty("versions").EnumerateArray().Any(version => version.GetProperty("created").ValueKind == JsonValueKind.Null));
        }
    }

    [Fact]
    public void Records_agree_with_the_digests_on_authors_and_mostly_on_texts_and_disagree_on_some()
    {
        var detailed = Corpus.Value
            .Where(file => file.RelativePath.StartsWith("detailed/", StringComparison.Ordinal))
            .Select(file => SourceFormats.Parse(file.RelativePath, Encoding.UTF8.GetBytes(file.Content)))
            .SelectMany(digest => digest.Entries.Select(entry => (digest.Header!.Date, Entry: entry)))
            .ToLookup(pair => pair.Entry.ArxivId);
        var newer = SnapshotLines.Split(Snapshots(Corpus.Value).Newer.Content).Select(SnapshotLines.Record).ToList();
        int agree = 0, disagree = 0, moreVersions = 0, fewerVersions = 0, sameDate = 0;
        foreach (var record in newer)
        {
            var entries = detailed[record.GetProperty("id").GetString()!].ToList();
            if (entries.Count == 0)
            {
                continue;
            }

            // Every author as the digests name them, once the product's normalization has read both.
            var authors = record.GetProperty("authors_parsed").EnumerateArray().Select(author => AuthorName.Normalize(SnapshotLines.Name(author)) ?? string.Empty).ToList();
            Assert.Equal(entries[0].Entry.Authors, authors);

            var versions = record.GetProperty("versions").GetArrayLength();
            var highest = entries.Max(pair => pair.Entry.Version!.Value);
            moreVersions += versions > highest ? 1 : 0;
            fewerVersions += versions < highest ? 1 : 0;
            sameDate += entries.Any(pair => pair.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == record.GetProperty("update_date").GetString()) ? 1 : 0;
            if (entries.FirstOrDefault(pair => pair.Entry.Version == versions).Entry is { } same)
            {
                // The snapshot's line breaks stand for spaces, as in listings; the normalizer would drop them as control characters.
                var title = TextNormalizer.Normalize(record.GetProperty("title").GetString()!.Replace('\n', ' '));
                var summary = TextNormalizer.Normalize(record.GetProperty("abstract").GetString()!.Replace('\n', ' '));
                if (title == same.Title && summary == same.Abstract)
                {
                    agree++;
                }
                else
                {
                    disagree++;
                }
            }
        }

        Assert.True(agree > 10 * disagree && disagree > 0, $"{agree} records agree with a detailed entry of their version, {disagree} disagree");
        Assert.True(moreVersions > 0 && fewerVersions > 0, $"{moreVersions} records know a version no digest shows, {fewerVersions} miss one a digest shows");
        Assert.True(sameDate > 0, "no record's update_date is the date of one of its detailed digests");
    }

    private static HashSet<string> CorpusIds(List<GeneratedFile> files) =>
        files.Where(file => !file.RelativePath.StartsWith("snapshot/", StringComparison.Ordinal))
            .SelectMany(file => SourceFormats.Parse(file.RelativePath, Encoding.UTF8.GetBytes(file.Content)).Entries)
            .Select(entry => entry.ArxivId)
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^snapshot/\d{4}-older/arxiv-metadata-oai-snapshot\.json$")]
    private static partial Regex OlderPath();

    [GeneratedRegex(@"^[a-z-]+(\.[A-Z]{2})?/(9[2-9]\d\d|0[0-6]\d\d|070[1-3])\d{3}$")]
    private static partial Regex OldStyleBeforeApril2007();
}
