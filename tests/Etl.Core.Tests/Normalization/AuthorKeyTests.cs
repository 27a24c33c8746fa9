using Etl.Core.Normalization;
using Xunit;

namespace Etl.Core.Tests.Normalization;

public sealed class AuthorKeyTests
{
    [Theory]
    [InlineData("Amélie Gruel", "amelie gruel")]
    [InlineData("Amelie  Gruel", "amelie gruel")]
    [InlineData("AMÉLIE GRUEL", "amelie gruel")]
    [InlineData("Jean-Luc Picard", "jean luc picard")]
    [InlineData("O'Brien, J.", "o brien j")]
    [InlineData("Ø. Søren", "ø søren")]
    [InlineData("ﬁnn", "finn")]
    public void The_key_ignores_accents_case_and_punctuation(string name, string key) =>
        Assert.Equal(key, AuthorKey.For(name));
}
