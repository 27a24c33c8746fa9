namespace Etl.Core.Generation;

/// <summary>One paper of the benchmark snapshot, with its record's traits and what the refresh does to it.</summary>
internal readonly record struct SnapshotRecord(SyntheticPaper Paper, SnapshotTraits Traits, RecordFate Fate);
