using Etl.Core.Reconciliation;
using Xunit;

namespace Etl.Core.Tests.Reconciliation;

public sealed class AuthorDisplayNameTests
{
    [Theory]
    [InlineData("Amelie Gruel:3|Amélie Gruel:2", "Amelie Gruel")]
    [InlineData("Amelie Gruel:2|Amélie Gruel:2", "Amélie Gruel")]
    [InlineData("AMÉLIE GRUEL:1|Amélie Gruel:1", "AMÉLIE GRUEL")]
    [InlineData("Amélie Grüel:1|Amélie Gruel:1", "Amélie Grüel")]
    [InlineData("Ada Lovelace:1", "Ada Lovelace")]
    public void Most_frequent_then_more_non_ascii_letters_then_ordinal_first(string variants, string expected)
    {
        var parsed = variants.Split('|').Select(v => v.Split(':')).Select(p => new AuthorVariant(p[0], long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, AuthorDisplayName.Choose(parsed));
        Assert.Equal(expected, AuthorDisplayName.Choose(parsed.Reverse()));
    }

    [Theory]
    [InlineData("Amélie", 1)]
    [InlineData("Ångström", 2)]
    [InlineData("Ada √", 0)]
    [InlineData("李小龙", 3)]
    public void Non_ascii_letters_are_counted_by_code_point(string spelling, int count) =>
        Assert.Equal(count, AuthorDisplayName.NonAsciiLetters(spelling));
}
