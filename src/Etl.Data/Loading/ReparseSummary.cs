namespace Etl.Data.Loading;

/// <summary>What <see cref="WarehouseReparse"/> did.</summary>
/// <param name="Stale">Stored contents that needed parsing again.</param>
/// <param name="Reparsed">Of those, the ones found and parsed by today's rules.</param>
/// <param name="Missing">Contents that could not be found (path gone or changed, not under a search folder); their evidence is kept as it was.</param>
/// <param name="Papers">Papers rebuilt afterwards.</param>
public sealed record ReparseSummary(int Stale, int Reparsed, IReadOnlyList<StoredContent> Missing, long Papers);
