namespace Etl.Data.Export;

/// <summary>The options of one <c>etl export</c>, as the format's writer receives them.</summary>
/// <param name="Out">Where to write (<c>--out</c>): a folder or a file, as the format says; null when not given.</param>
/// <param name="Since">
/// <c>--since</c>: only papers whose <c>updated_at</c> (arXiv's time of their latest version) is at or
/// after this instant, with what belongs to them; null for every paper.
/// </param>
/// <param name="View">
/// <c>--view</c>: a view of schema <c>report</c> to write on its own (with or without the schema prefix); null for the
/// format's own selection of the warehouse.
/// </param>
public sealed record ExportRequest(string? Out, DateTimeOffset? Since = null, string? View = null);
