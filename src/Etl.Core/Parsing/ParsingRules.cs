namespace Etl.Core.Parsing;

/// <summary>
/// The version of the parsing and normalization rules. Every digest records the version it was parsed
/// with (<c>warehouse.digests.rules_version</c>), so a warehouse knows which of its evidence an older
/// product derived and <c>etl reparse</c> knows what to bring up to date.
/// </summary>
/// <remarks>
/// Bump <see cref="Version"/> in the same commit as any change to what the parser or the normalizer
/// produces from the same bytes, and add a line here.
/// <list type="bullet">
/// <item>1: the first warehouse.</item>
/// <item>2: an author token with no letter or digit is not an author (issue 11).</item>
/// </list>
/// </remarks>
public static class ParsingRules
{
    public const int Version = 2;
}
