namespace Etl.Core.Generation;

/// <summary>
/// The benchmark's metadata snapshot (<see cref="SnapshotWriter"/>): how many records, from which seed, and how the
/// refresh taken a week later differs from it. The same options always give byte-identical files.
/// </summary>
public sealed record SnapshotOptions
{
    /// <summary>The most records: new-style ids run 20,000 a month from January 2015 and must stay before 2099.</summary>
    public const int MaxRecords = 10_000_000;

    /// <summary>Records in the snapshot, 1 to <see cref="MaxRecords"/>; 5% of them (rounded) have old-style ids and come last, as in the real file.</summary>
    public required int Records { get; init; }

    /// <summary>Seed of every random choice; nothing else varies the output.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Share of the records that the refresh changes (half a new version, half an edited text); exactly one in each block of 1/share records.</summary>
    public double ChangedShare { get; init; } = 0.01;

    /// <summary>Records the refresh adds, as a share of <see cref="Records"/> (rounded): papers submitted in the week between the two.</summary>
    public double NewShare { get; init; } = 0.01;

    /// <summary>Share of papers signed by a large collaboration of 150 to 3,000 people; exactly one in each block of 1/share records.</summary>
    public double CollaborationShare { get; init; } = 0.001;

    /// <summary>Throws when the options cannot produce a snapshot.</summary>
    internal void Validate()
    {
        if (Records is < 1 or > MaxRecords)
        {
            throw new ArgumentOutOfRangeException(nameof(Records), Records, $"Records must be between 1 and {MaxRecords:N0}");
        }

        Share(nameof(ChangedShare), ChangedShare);
        Share(nameof(NewShare), NewShare);
        Share(nameof(CollaborationShare), CollaborationShare);
    }

    private static void Share(string name, double value)
    {
        if (!(value is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a share between 0 and 1");
        }
    }
}
