using System.Text;

namespace Etl.Core.Generation;

/// <summary>
/// A slice of the benchmark snapshot rendered on one thread: the snapshot's lines and the refresh's lines of
/// <see cref="Size"/> consecutive positions, and what they hold. A record the refresh does not change is rendered
/// once and appended to both, so the two lines are the same bytes by construction.
/// </summary>
internal sealed class SnapshotBatch
{
    /// <summary>Positions per slice: enough to keep a thread busy, little enough that memory stays a few MB.</summary>
    public const int Size = 256;

    public StringBuilder Snapshot { get; } = new(Size * 2048);

    public StringBuilder Refresh { get; } = new(Size * 2048);

    public long Lines { get; private set; }

    public long Bytes { get; private set; }

    public long RefreshLines { get; private set; }

    public long RefreshBytes { get; private set; }

    public long Changed { get; private set; }

    public long Added { get; private set; }

    public long Collaborations { get; private set; }

    /// <summary>Replaces the slice's lines with those of positions <paramref name="start"/> to start + <see cref="Size"/> - 1 (fewer at the end). The lines are ASCII, so a length is a size in bytes.</summary>
    public void Render(SnapshotRecords records, long start)
    {
        Snapshot.Clear();
        Refresh.Clear();
        Lines = Bytes = RefreshLines = RefreshBytes = Changed = Added = Collaborations = 0;
        for (var position = start; position < Math.Min(start + Size, records.Count); position++)
        {
            var (paper, traits, fate) = records.At(position);
            if (fate == RecordFate.Added)
            {
                Added++;
            }
            else
            {
                var from = Snapshot.Length;
                Append(Snapshot, paper, traits, records.Taken, records.People);
                Lines++;
                Collaborations += paper.Authors.Length >= Collaboration.MinMembers ? 1 : 0;
                if (fate == RecordFate.Unchanged)
                {
                    Refresh.Append(Snapshot, from, Snapshot.Length - from);
                    RefreshLines++;
                    continue;
                }

                Changed++;
            }

            Append(Refresh, paper, traits, records.Refreshed, records.People);
            RefreshLines++;
        }

        Bytes = Snapshot.Length;
        RefreshBytes = Refresh.Length;
    }

    private static void Append(StringBuilder lines, SyntheticPaper paper, SnapshotTraits traits, DateTime asOf, AuthorPool people)
    {
        SnapshotRenderer.Append(lines, paper, traits, asOf, people);
        lines.Append('\n');
    }
}
