using Etl.Data.Export.ArxivSnapshot;
using Etl.Data.Export.Parquet;

namespace Etl.Data.Export;

/// <summary>
/// The one list of export formats: <c>etl export --format NAME</c> accepts exactly these names, and its
/// help lists their descriptions. Adding a format is a writer (<see cref="IExportWriter"/>) and a line here.
/// </summary>
public static class ExportFormats
{
    public static IReadOnlyList<IExportWriter> All { get; } =
    [
        new ParquetExport(),
        new ArxivSnapshotExport(),
    ];

    /// <summary>The writer of a <c>--format</c> value; null when no format has that name.</summary>
    public static IExportWriter? Named(string name) =>
        All.FirstOrDefault(format => string.Equals(format.Name, name, StringComparison.Ordinal));
}
