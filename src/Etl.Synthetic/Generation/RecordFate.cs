namespace Etl.Core.Generation;

/// <summary>What happens to a benchmark snapshot record in the refresh taken a week later.</summary>
internal enum RecordFate : byte
{
    /// <summary>Nothing: the refresh repeats the line byte for byte.</summary>
    Unchanged,

    /// <summary>A version submitted between the two snapshots.</summary>
    NewVersion,

    /// <summary>Its text corrected between the two snapshots, with no new version.</summary>
    EditedText,

    /// <summary>A paper submitted between the two snapshots: only the refresh holds it.</summary>
    Added,
}
