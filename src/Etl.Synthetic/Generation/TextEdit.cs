namespace Etl.Core.Generation;

/// <summary>
/// A correction made to a snapshot record's metadata without a new version (arXiv's moderators and authors do
/// this), so the snapshot's text of a version disagrees with what the digests showed for the same version.
/// </summary>
internal enum TextEdit : byte
{
    None,

    /// <summary>The abstract gains a closing sentence.</summary>
    AbstractNote,

    /// <summary>The title loses its subtitle, or gains one when it has none.</summary>
    Subtitle,
}
