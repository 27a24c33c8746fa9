namespace Etl.Cli.Commands;

/// <summary>A name given to <c>etl report</c> that is not a view of schema <c>report</c>.</summary>
internal sealed class UnknownViewException(string message) : Exception(message);
