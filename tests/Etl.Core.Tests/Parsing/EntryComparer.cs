using Etl.Core.Model;

namespace Etl.Core.Tests.Parsing;

/// <summary>Entries are equal when every field is, the author and category lists compared item by item.</summary>
internal sealed class EntryComparer : IEqualityComparer<DigestEntry>
{
    public bool Equals(DigestEntry? x, DigestEntry? y) =>
        x is not null && y is not null && x with { Authors = [], Categories = [] } == y with { Authors = [], Categories = [] }
        && x.Authors.SequenceEqual(y.Authors) && x.Categories.SequenceEqual(y.Categories);

    public int GetHashCode(DigestEntry obj) => obj.ArxivId.GetHashCode(StringComparison.Ordinal);
}
