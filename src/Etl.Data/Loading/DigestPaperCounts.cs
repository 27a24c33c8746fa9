using Etl.Core.Reconciliation;
using Npgsql;

namespace Etl.Data.Loading;

/// <summary>
/// The paper counts of a batch's new digests for <c>report.digests</c> (invariants:
/// <c>sql/schema/009_report_store_digests.sql</c>): the papers each lists, and the papers it lists first. Taken
/// from the evidence reconciliation reads anyway (<see cref="PaperRebuild"/> reads every entry of every
/// paper the batch touched), so they cost the database nothing but one COPY: only a touched paper can be
/// listed by, or first listed in, one of the batch's digests.
/// </summary>
internal sealed class DigestPaperCounts
{
    private readonly Dictionary<long, (int Listed, int First)> _counts;
    private readonly HashSet<long> _listedBy = [];

    /// <param name="digestIds">The batch's new digests, rejected files included (they list nothing).</param>
    public DigestPaperCounts(IEnumerable<long> digestIds) => _counts = digestIds.ToDictionary(id => id, _ => (0, 0));

    /// <summary>Counts one paper from all of its evidence.</summary>
    public void AddPaper(IReadOnlyList<EvidenceFacts> evidence)
    {
        var first = long.MaxValue;
        _listedBy.Clear();
        foreach (var facts in evidence)
        {
            first = Math.Min(first, facts.DigestId);
            // A digest that lists a paper twice counts it once.
            if (_counts.TryGetValue(facts.DigestId, out var counts) && _listedBy.Add(facts.DigestId))
            {
                _counts[facts.DigestId] = (counts.Listed + 1, counts.First);
            }
        }

        if (_counts.TryGetValue(first, out var firstCounts))
        {
            _counts[first] = (firstCounts.Listed, firstCounts.First + 1);
        }
    }

    public async Task CopyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var rows = new CopyRows("COPY report_store.digest_papers (digest_id, listed_papers, new_papers) FROM STDIN (FORMAT BINARY)");
        foreach (var (digestId, (listed, first)) in _counts)
        {
            rows.StartRow(3);
            rows.Write(digestId);
            rows.Write(listed);
            rows.Write(first);
        }

        await rows.CopyAsync(connection, cancellationToken).ConfigureAwait(false);
    }
}
