namespace Etl.Data.Embedded;

/// <summary>
/// Raised when the embedded warehouse cannot be found, initialised or started. It is a distinct type so
/// the CLI can print its message (which always says what to do next) instead of a stack trace.
/// </summary>
public sealed class EmbeddedPostgresException : Exception
{
    /// <summary>Exists for serializers and analyzers; prefer a constructor that explains the failure.</summary>
    public EmbeddedPostgresException()
    {
    }

    /// <summary>Creates the exception with an actionable message.</summary>
    public EmbeddedPostgresException(string message)
        : base(message)
    {
    }

    /// <summary>Keeps the underlying failure (e.g. a failed process start) for diagnostics.</summary>
    public EmbeddedPostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
