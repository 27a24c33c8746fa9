namespace Etl.Data.Loading;

/// <summary>What <see cref="WarehouseReparse"/> did.</summary>
/// <param name="Stale">Stored contents that needed parsing again.</param>
/// <param name="Reparsed">Of those, the ones found and parsed by today's rules.</param>
/// <param name="Missing">Contents that could not be found (path gone or changed, not under a search folder); their evidence is kept as it was.</param>
/// <param name="Papers">Papers rebuilt afterwards.</param>
public sealed record ReparseSummary(int Stale, int Reparsed, IReadOnlyList<StoredContent> Missing, long Papers)
{
    /// <summary>
    /// Snapshots among <see cref="Missing"/> whose records were derived again from other snapshot files as far as
    /// they hold the same lines: how many records of each (by digest id) were found in none and keep their evidence.
    /// </summary>
    public IReadOnlyDictionary<long, long> RecordsNotFound { get; init; } = new Dictionary<long, long>();
}
