namespace Etl.Core.Generation;

/// <summary>Ways a snapshot line is broken on purpose (only with <see cref="GeneratorOptions.IncludeBadEntries"/>).</summary>
internal enum BadSnapshotRecord
{
    None,

    /// <summary>v1's <c>created</c> is not an RFC 1123 time: <c>2020-01-06 10:13:49</c>, as a digest would write it.</summary>
    BadCreated,

    /// <summary><c>"title":""</c>.</summary>
    EmptyTitle,

    /// <summary><c>"versions":[]</c>.</summary>
    NoVersions,

    /// <summary>The line stops halfway, as in an interrupted download: the file's last line, with no line break.</summary>
    Truncated,

    /// <summary>Valid JSON that is not an object: <c>["2001.00012","v1"]</c>.</summary>
    NotAnObject,
}
