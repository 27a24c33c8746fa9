using Npgsql;

namespace Etl.Data.Export;

/// <summary>
/// One format of <c>etl export</c>. Each format is one class that implements this and one line in
/// <see cref="ExportFormats.All"/>; the command, its options and its messages come from there.
/// </summary>
public interface IExportWriter
{
    /// <summary>The value of <c>--format</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>etl export --help</c>: what is written, and where.</summary>
    string Description { get; }

    /// <summary>
    /// What is wrong with the request for this format (an option it needs or cannot take), said so that
    /// the user knows what to change; null when it can be written. Checked before any database work.
    /// </summary>
    string? Problem(ExportRequest request);

    /// <summary>
    /// Writes the export from one consistent snapshot of the warehouse (<see cref="ExportSession"/>).
    /// A failure leaves the files of an earlier export in place rather than half-written ones.
    /// </summary>
    Task<IReadOnlyList<ExportedFile>> WriteAsync(NpgsqlDataSource dataSource, ExportRequest request, CancellationToken cancellationToken);
}
