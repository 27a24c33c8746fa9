namespace Etl.Cli;

/// <summary>The command line is wrong: the message says how; the CLI adds the usage text and exits with 1.</summary>
internal sealed class UsageException(string message) : Exception(message);
