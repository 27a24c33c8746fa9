using System.Diagnostics;
using System.Globalization;
using Etl.Data.Reporting;
using Npgsql;

namespace Etl.Data.Export.Parquet;

/// <summary>
/// <c>etl export --format parquet --out DIR</c>: the warehouse as <c>papers.parquet</c>,
/// <c>versions.parquet</c>, <c>authors.parquet</c> and <c>paper_authors.parquet</c> (or one report view
/// with <c>--view</c>), and a <c>README.md</c> with their schema, from one snapshot. Files are written
/// under temporary names and renamed only once all of them are complete, so a failed export leaves the
/// previous export's files as they were.
/// </summary>
public sealed class ParquetExport : IExportWriter
{
    private readonly ParquetSettings _settings;

    public ParquetExport()
        : this(ParquetSettings.Default)
    {
    }

    internal ParquetExport(ParquetSettings settings) => _settings = settings;

    public string Name => "parquet";

    public string Description =>
        "Parquet files in the folder --out: papers, versions, authors, paper_authors (or the one view of --view), and README.md with their schema";

    public string? Problem(ExportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Out is null)
        {
            return "--format parquet writes its files into a folder: give one with --out DIR (it is created if missing)";
        }

        if (File.Exists(request.Out))
        {
            return $"--out {request.Out} is a file, and --format parquet writes its files into a folder: give a folder (it is created if missing)";
        }

        return request.View is not null && request.Since is not null
            ? "--since narrows the warehouse's papers and what belongs to them, --view writes one whole view: give one or the other"
            : null;
    }

    public async Task<IReadOnlyList<ExportedFile>> WriteAsync(NpgsqlDataSource dataSource, ExportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Problem(request) is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }

        await using var session = await ExportSession.OpenAsync(dataSource, request.Since, cancellationToken).ConfigureAwait(false);
        var snapshot = await session.SnapshotTimeAsync(cancellationToken).ConfigureAwait(false);
        var tables = request.View is { } view
            ? [await ViewTableAsync(session, view, cancellationToken).ConfigureAwait(false)]
            : ExportTable.Warehouse;
        var folder = Directory.CreateDirectory(request.Out!).FullName;

        // The text of the two row groups in flight, made once for every file of the export.
        ValueArena[] arenas = [new(_settings.RowGroupBytes), new(_settings.RowGroupBytes)];
        var partials = new List<(string Partial, string Final)>();
        try
        {
            var exported = new List<ExportedFile>();
            var written = new List<WrittenTable>();
            foreach (var table in tables)
            {
                var fileName = table.Name + ".parquet";
                var final = Path.Combine(folder, fileName);
                var partial = Path.Combine(folder, $".{fileName}.partial");
                partials.Add((partial, final));

                var clock = Stopwatch.StartNew();
                var query = table.Key is { } key ? session.Narrow(table.Query, key) : table.Query;
                var columns = await QueryColumns.DescribeAsync(session.Connection, query, table.ColumnNotes, cancellationToken).ConfigureAwait(false);
                var rows = await ParquetTableWriter.WriteAsync(
                    session.Connection, query, [.. columns.Select(column => column.Plan)], table.Dictionary, partial, Metadata(snapshot, request.Since), _settings, arenas, cancellationToken).ConfigureAwait(false);
                var bytes = new FileInfo(partial).Length;
                exported.Add(new ExportedFile(final, rows, bytes, clock.Elapsed));
                written.Add(new WrittenTable(fileName, table.Summary, rows, bytes,
                    [.. columns.Select(column => new DescribedColumn(column.Plan.Name, column.Plan.TypeName, column.Plan.SourceType, column.Description))]));
            }

            var readme = Path.Combine(folder, "README.md");
            var readmePartial = Path.Combine(folder, ".README.md.partial");
            partials.Add((readmePartial, readme));
            await File.WriteAllTextAsync(readmePartial, ParquetReadme.Render(snapshot, request.Since, written, _settings), cancellationToken).ConfigureAwait(false);
            foreach (var (partial, final) in partials)
            {
                File.Move(partial, final, overwrite: true);
            }

            return exported;
        }
        catch
        {
            foreach (var (partial, _) in partials)
            {
                File.Delete(partial);
            }

            throw;
        }
    }

    private static async Task<ExportTable> ViewTableAsync(ExportSession session, string view, CancellationToken cancellationToken)
    {
        var relation = await ReportViews.ResolveAsync(session.Connection, view, cancellationToken).ConfigureAwait(false);
        var name = view.StartsWith("report.", StringComparison.Ordinal) ? view["report.".Length..] : view;
        return new ExportTable(name, "SELECT * FROM " + relation, Key: null, $"The rows of `report.{name}` (docs/reporting.md has its data dictionary).");
    }

    /// <summary>Key-value metadata of every file: where and when it comes from.</summary>
    private static Dictionary<string, string> Metadata(DateTimeOffset snapshot, DateTimeOffset? since)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["etl.exported_at"] = snapshot.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        };
        if (since is { } instant)
        {
            metadata["etl.since"] = instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        }

        return metadata;
    }
}
