using Etl.Core.Reconciliation;
using Npgsql;
using NpgsqlTypes;

namespace Etl.Data.Loading;

/// <summary>
/// The paper counts of a batch's new digests for <c>report.digests</c> (invariants:
/// <c>sql/report/digest_papers.sql</c>): the papers each lists, and the papers it lists first. Taken
/// from the evidence reconciliation reads anyway (<see cref="PaperRebuild"/> reads every entry of every
/// paper the batch touched), so they cost the database nothing but one COPY: only a touched paper can be
/// listed by, or first listed in, one of the batch's digests.
/// </summary>
internal sealed class DigestPaperCounts
{
    private readonly Dictionary<long, (int Listed, int First)> _counts;

    /// <param name="digestIds">The batch's new digests, rejected files included (they list nothing).</param>
    public DigestPaperCounts(IEnumerable<long> digestIds) => _counts = digestIds.ToDictionary(id => id, _ => (0, 0));

    /// <summary>Counts one paper from all of its evidence.</summary>
    public void AddPaper(IReadOnlyList<EvidenceFacts> evidence)
    {
        var first = long.MaxValue;
        for (var i = 0; i < evidence.Count; i++)
        {
            var digestId = evidence[i].DigestId;
            first = Math.Min(first, digestId);
            if (_counts.TryGetValue(digestId, out var counts) && !ListedEarlier(evidence, i))
            {
                _counts[digestId] = (counts.Listed + 1, counts.First);
            }
        }

        if (_counts.TryGetValue(first, out var firstCounts))
        {
            _counts[first] = (firstCounts.Listed, firstCounts.First + 1);
        }
    }

    public async Task CopyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY report_store.digest_papers (digest_id, listed_papers, new_papers) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var (digestId, (listed, first)) in _counts)
        {
            importer.StartRow();
            importer.Write(digestId, NpgsqlDbType.Bigint);
            importer.Write(listed, NpgsqlDbType.Integer);
            importer.Write(first, NpgsqlDbType.Integer);
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A digest that lists a paper twice counts it once.</summary>
    private static bool ListedEarlier(IReadOnlyList<EvidenceFacts> evidence, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (evidence[i].DigestId == evidence[index].DigestId)
            {
                return true;
            }
        }

        return false;
    }
}
