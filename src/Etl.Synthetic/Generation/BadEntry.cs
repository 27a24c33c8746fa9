namespace Etl.Core.Generation;

/// <summary>Ways a detailed entry is broken on purpose (only with <see cref="GeneratorOptions.IncludeBadEntries"/>).</summary>
internal enum BadEntry
{
    None,

    /// <summary><c>http://arxiv.org/abs/2001.00012</c>: no version.</summary>
    IdWithoutVersion,

    /// <summary><c>arXiv:2001.00012v1</c>: not a URL.</summary>
    IdNotUrl,

    /// <summary><c>http://arxiv.org/abs/20O1.00012v1</c>: a letter O for a zero.</summary>
    IdWithLetter,

    /// <summary><c>2020-13-06 25:13:49+00:00</c>: no such month or hour.</summary>
    PublishedImpossible,

    /// <summary><c>06/01/2020 10:13</c>: another layout.</summary>
    PublishedSlashes,

    /// <summary>No Published line at all.</summary>
    PublishedMissing,
}
