namespace Etl.Data.Loading;

public enum FileOutcomeKind
{
    /// <summary>Every entry loaded.</summary>
    Loaded,

    /// <summary>Loaded, but some entries were rejected (see <see cref="FileOutcome.Rejections"/>).</summary>
    LoadedWithRejections,

    /// <summary>Not a digest: nothing loaded (reason in <see cref="FileOutcome.Reason"/>).</summary>
    Rejected,

    /// <summary>This content was already in the warehouse (loaded earlier, or earlier in this run); nothing changed.</summary>
    AlreadyLoaded,

    /// <summary>Could not be read as discovered (deleted, no permission, changed since hashed): skipped, nothing stored (reason in <see cref="FileOutcome.Reason"/>).</summary>
    Unreadable,
}
