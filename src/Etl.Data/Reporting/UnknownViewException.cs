namespace Etl.Data.Reporting;

/// <summary>A name given to <c>etl report</c> or <c>etl export --view</c> that is not a view of schema <c>report</c>.</summary>
public sealed class UnknownViewException(string message) : Exception(message);
