using System.Diagnostics;
using System.Globalization;
using System.Text;
using Etl.Core.Model;
using Etl.Core.Parsing;
using Etl.Tests;
using Xunit;

namespace Etl.Core.Tests.Parsing;

/// <summary>
/// Mutated digests (bit flips, truncations, swapped, duplicated and deleted lines, random bytes) never make
/// the parser throw or take more than a second. CI runs <see cref="DefaultCases"/> seeded cases; the full
/// run is <c>ETL_FUZZ_CASES=10000 dotnet test tests/Etl.Core.Tests --filter ParserFuzzTests</c>
/// (<c>ETL_FUZZ_SEED</c> picks another sequence; a failure names its seed and case to replay).
/// </summary>
public sealed class ParserFuzzTests
{
    private const int DefaultCases = 1500;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    [Fact]
    public void Mutated_digests_never_crash_or_hang_the_parser()
    {
        var cases = EnvironmentInt("ETL_FUZZ_CASES", DefaultCases);
        var seed = EnvironmentInt("ETL_FUZZ_SEED", 20261125);
        var corpus = Seeds();
        var random = new Random(seed);
        for (var i = 0; i < cases; i++)
        {
            var original = corpus[random.Next(corpus.Count)];
            var (content, mutations) = Mutate(original.Content, random);
            var clock = Stopwatch.StartNew();
            try
            {
                var digest = SourceFormats.Parse(original.Name, content);
                Assert.True((digest.Header is null) == (digest.FileRejection is not null), "a digest has either a header or a file rejection");
                // A markdown digest's line 1 is its header; a listing's line 1 is already an entry.
                var firstEntryLine = original.Name.EndsWith(".jsonl", StringComparison.Ordinal) ? 1 : 2;
                Assert.All(digest.Rejections, rejection => Assert.InRange(rejection.Line, firstEntryLine, int.MaxValue));
            }
            catch (Exception exception)
            {
                Assert.Fail($"seed {seed}, case {i} ({original.Name}; {mutations}): {exception}");
            }

            Assert.True(clock.Elapsed < Limit, $"seed {seed}, case {i} ({original.Name}; {mutations}) took {clock.Elapsed.TotalSeconds:0.00} s");
        }
    }

    /// <summary>One to three random mutations, and what they were.</summary>
    private static (byte[] Content, string Mutations) Mutate(byte[] original, Random random)
    {
        var content = original;
        var applied = new List<string>();
        for (var count = random.Next(1, 4); count > 0; count--)
        {
            var kind = random.Next(7);
            applied.Add(Kinds[kind]);
            content = kind switch
            {
                0 => FlipBits(content, random),
                1 => content[..random.Next(content.Length + 1)],
                2 => EditLines(content, random, (lines, a, b) => (lines[a], lines[b]) = (lines[b], lines[a])),
                3 => EditLines(content, random, (lines, a, _) => lines.Insert(a, lines[a])),
                4 => EditLines(content, random, (lines, a, _) => lines.RemoveAt(a)),
                5 => Insert(content, random, RandomBytes(random, random.Next(1, 64))),
                _ => Insert(content, random, Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)])),
            };
        }

        return (content, string.Join(", ", applied));
    }

    private static readonly string[] Kinds = ["bit flips", "truncation", "swapped lines", "duplicated line", "deleted line", "random bytes", "digest fragment"];

    // Pieces of the grammar, so mutations also reach the deeper states of the parser.
    private static readonly string[] Fragments =
    [
        "\n### ", "\n- **Arxiv ID**: http://arxiv.org/abs/2001.00001v", "\n- **Published**: 2020-02-30 25:61:61+00:00", "\n- **Updated**: ",
        "\n  continued", "\n> ", "\n### 1. [ :arrow_down: ](https://arxiv.org/pdf/", "**:", "\r", "\uFEFF", "None", ",,,", "&amp;&#x110000;<br", "\u0000",
    ];

    private static byte[] FlipBits(byte[] content, Random random)
    {
        if (content.Length == 0)
        {
            return content;
        }

        var copy = (byte[])content.Clone();
        for (var flips = random.Next(1, 9); flips > 0; flips--)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private static byte[] EditLines(byte[] content, Random random, Action<List<byte[]>, int, int> edit)
    {
        var lines = Split(content);
        if (lines.Count == 0)
        {
            return content;
        }

        edit(lines, random.Next(lines.Count), random.Next(lines.Count));
        return [.. lines.SelectMany(line => line.Append((byte)'\n'))];
    }

    private static List<byte[]> Split(byte[] content)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= content.Length; i++)
        {
            if (i == content.Length || content[i] == '\n')
            {
                lines.Add(content[start..i]);
                start = i + 1;
            }
        }

        return lines;
    }

    private static byte[] Insert(byte[] content, Random random, byte[] insert)
    {
        var at = random.Next(content.Length + 1);
        return [.. content[..at], .. insert, .. content[at..]];
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>The shipped samples, plus the shared seeds and real digests when they are beside the project.</summary>
    private static List<(string Name, byte[] Content)> Seeds()
    {
        var files = Directory.GetFiles(Path.Combine(SharedSamples.RepositoryRoot, "samples"), "*", SearchOption.AllDirectories)
            .Where(SourceFormats.IsWalkedFor)
            .ToList();
        if (SharedSamples.Available)
        {
            files.AddRange(new[] { "seeds", "real", "listings" }.Select(SharedSamples.Folder).Where(Directory.Exists).SelectMany(folder => Directory.GetFiles(folder)));
        }

        return [.. files.Order(StringComparer.Ordinal).Select(file => (Path.GetFileName(file), File.ReadAllBytes(file)))];
    }

    private static int EnvironmentInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
