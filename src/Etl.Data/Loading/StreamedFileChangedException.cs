namespace Etl.Data.Loading;

/// <summary>
/// A streamed file changed (or could no longer be read) after its entries started flowing into the COPY:
/// they cannot be taken back one by one, so the transaction holding them must roll back. The loader gives
/// each streamed file a batch of its own, so that rollback skips this file alone.
/// </summary>
public sealed class StreamedFileChangedException : IOException
{
    public StreamedFileChangedException()
    {
    }

    public StreamedFileChangedException(string message)
        : base(message)
    {
    }

    public StreamedFileChangedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="path">The file.</param>
    /// <param name="reason">What happened and what to do, without the path (stored as the file's outcome).</param>
    /// <param name="innerException">The read error, if that was the cause.</param>
    public StreamedFileChangedException(string path, string reason, Exception? innerException)
        : base($"{path}: {reason}", innerException)
    {
        Reason = reason;
    }

    public string Reason { get; } = string.Empty;
}
