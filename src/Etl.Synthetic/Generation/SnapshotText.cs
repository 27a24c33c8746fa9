using System.Globalization;

namespace Etl.Core.Generation;

/// <summary>
/// Closing sentences that lengthen the benchmark snapshot's abstracts to the real file's size. <see cref="SyntheticText"/>
/// writes abstracts of about 700 characters (the digests' papers, shipped samples included, depend on them byte for
/// byte); the real snapshot averages over 1,000, and the benchmark should move as many bytes per record as the real
/// file does. Only the benchmark's records, which no digest shows, carry them.
/// </summary>
internal static class SnapshotText
{
    /// <summary>Two or three sentences about the paper's topic.</summary>
    public static string Addendum(Random random, Topic topic)
    {
        var sentences = new string[random.Next(2, 4)];
        for (var i = 0; i < sentences.Length; i++)
        {
            sentences[i] = topic == Topic.Mathematics ? Mathematics(random) : Applied(random, topic);
        }

        return string.Join(' ', sentences);
    }

    private static string Applied(Random random, Topic topic) => random.Next(5) switch
    {
        0 => Invariant($"We release {random.Next(2, 9)} new splits of {random.Pick(Vocabulary.DatasetStems)}{random.Pick(Vocabulary.DatasetSuffixes)} to support future work on {random.Pick(Vocabulary.Tasks(topic)).ToLowerInvariant()}."),
        1 => Invariant($"Further experiments study the {random.Pick(Vocabulary.Components)} under {random.Next(2, 7)} kinds of distribution shift, where the gains persist."),
        2 => Invariant($"A theoretical analysis shows that the {random.Pick(Vocabulary.Components)} converges under mild assumptions on each {random.Pick(Vocabulary.Objects(topic))}."),
        3 => Invariant($"We also compare against {random.Next(3, 13)} recent methods based on {random.Pick(Vocabulary.Techniques(topic))} and discuss their failure modes in detail."),
        _ => Invariant($"Finally, we discuss the broader implications for {Vocabulary.FieldName(topic)} and list open problems on {random.Pick(Vocabulary.Conjunctions)} for the community."),
    };

    private static string Mathematics(Random random) => random.Next(3) switch
    {
        0 => Invariant($"We compute the {random.Pick(Vocabulary.MathInvariants)} explicitly in {random.Next(2, 9)} families of examples and compare it with known lower bounds."),
        1 => Invariant($"The same argument applies to every {random.Pick(Vocabulary.MathObjects)} over {random.Pick(Vocabulary.Fields)}, with one additional hypothesis."),
        _ => Invariant($"Along the way we give a short proof of a folklore statement on the {random.Pick(Vocabulary.MathInvariants)} and correct {random.Pick(Vocabulary.Lemmas)} of an earlier preprint."),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
