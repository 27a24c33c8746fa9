namespace Etl.Core.Generation;

/// <summary>
/// The small state kept for a paper while digests that list it are still to come: id, categories, version
/// timestamps and authors. Its texts are not stored; <see cref="SyntheticText"/> re-derives them from <see cref="Seed"/>.
/// </summary>
internal sealed class SyntheticPaper
{
    public required string Id { get; init; }

    /// <summary>Seed of every text of every version.</summary>
    public required int Seed { get; init; }

    /// <summary>Primary category first, then the cross-lists in ordinal order.</summary>
    public required string[] Categories { get; init; }

    /// <summary>UTC submission time of each version, strictly increasing; [0] is version 1.</summary>
    public required DateTime[] VersionTimes { get; init; }

    /// <summary>Indexes into the corpus's <see cref="AuthorPool"/>, in author order.</summary>
    public required int[] Authors { get; init; }

    /// <summary>How this paper spells each author.</summary>
    public required Spelling[] Spellings { get; init; }

    /// <summary>How the Categories field is written: 0 primary bold first, 1 plain, 2 bold in alphabetical place.</summary>
    public required byte CategoryStyle { get; init; }

    /// <summary>ACM or MSC codes appended to the Categories field, or null.</summary>
    public string? ClassCodes { get; init; }

    /// <summary>True when the Summary is hard-wrapped with indented continuation lines, like old listings.</summary>
    public bool WrapSummary { get; init; }

    /// <summary>Set once a file has listed the paper; counts distinct papers as files stream out.</summary>
    public bool Listed { get; set; }

    public string Primary => Categories[0];

    public Topic Topic => Vocabulary.TopicOf(Categories[0]);

    public DateTime Published => VersionTimes[0];

    /// <summary>The highest version submitted strictly before <paramref name="instant"/> (at least 1).</summary>
    public int VersionAsOf(DateTime instant)
    {
        var version = 1;
        while (version < VersionTimes.Length && VersionTimes[version] < instant)
        {
            version++;
        }

        return version;
    }
}
