using System.Buffers;
using System.Data;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using Etl.Core.Parsing;
using Npgsql;

namespace Etl.Data.Export.ArxivSnapshot;

/// <summary>
/// <c>etl export --format arxiv-snapshot [--out FILE]</c>: one record per paper in the form of arXiv's metadata
/// snapshot (<c>arxiv-metadata-oai-snapshot.json</c>), so tools written for the snapshot read the always-current
/// warehouse; the warehouse loads the file back as a snapshot. Standard output by default; a file whose name ends
/// in <c>.gz</c> is gzip-compressed. Rows stream from one query (<c>sql/export/arxiv_snapshot.sql</c>) straight into
/// the file: memory does not grow with the warehouse. A file is written under a temporary name and renamed once
/// complete, so a failed export leaves an earlier one as it was.
/// </summary>
public sealed class ArxivSnapshotExport : IExportWriter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>How much JSON is gathered before it is written: large enough that writes cost nothing per record.</summary>
    private const int BlockBytes = 1 << 20;

    public string Name => "arxiv-snapshot";

    public string Description =>
        "one JSON line per paper in the fields and order of arXiv's metadata snapshot, to --out FILE (gzip when it ends in .gz) or standard output";

    public string? Problem(ExportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.View is not null)
        {
            return "--format arxiv-snapshot writes papers as snapshot records; --view is for --format parquet";
        }

        return request.Out is { } path && Directory.Exists(path)
            ? $"--out {path} is a folder, and --format arxiv-snapshot writes one file: give a file name such as {Path.Combine(path, "arxiv-metadata-oai-snapshot.json")} (or .json.gz)"
            : null;
    }

    public async Task<IReadOnlyList<ExportedFile>> WriteAsync(NpgsqlDataSource dataSource, ExportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Problem(request) is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }

        var clock = Stopwatch.StartNew();
        await using var session = await ExportSession.OpenAsync(dataSource, request.Since, cancellationToken).ConfigureAwait(false);
        if (request.Out is not { } path)
        {
            var stdout = Console.OpenStandardOutput();
            await using (stdout.ConfigureAwait(false))
            {
                var rows = await WriteRecordsAsync(session, stdout, cancellationToken).ConfigureAwait(false);
                return [new ExportedFile("(standard output)", rows, 0, clock.Elapsed)];
            }
        }

        var final = Path.GetFullPath(path);
        var folder = Directory.CreateDirectory(Path.GetDirectoryName(final)!).FullName;
        var partial = Path.Combine(folder, $".{Path.GetFileName(final)}.partial");
        try
        {
            long rows;
            var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                Stream target = final.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true) : file;
                await using (target.ConfigureAwait(false))
                {
                    rows = await WriteRecordsAsync(session, target, cancellationToken).ConfigureAwait(false);
                }
            }

            File.Move(partial, final, overwrite: true);
            return [new ExportedFile(final, rows, new FileInfo(final).Length, clock.Elapsed)];
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    private static async Task<long> WriteRecordsAsync(ExportSession session, Stream target, CancellationToken cancellationToken)
    {
        // A parallel plan computes the per-paper aggregates once in every worker and takes the core this
        // process needs to write the JSON: one backend streams the rows faster (10 s against 24 s for a million).
        await using (var serial = new NpgsqlCommand("SET LOCAL max_parallel_workers_per_gather = 0", session.Connection))
        {
            await serial.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // The query's time grows with the warehouse: no command timeout (a broken connection still ends it).
        await using var command = new NpgsqlCommand(session.Narrow(EmbeddedSql.Export("arxiv_snapshot"), ExportKey.Paper), session.Connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        // Records are written to memory and handed to the stream in blocks: Utf8JsonWriter.Flush on a stream
        // flushes the stream too, which for a file is one write system call per record.
        var buffer = new ArrayBufferWriter<byte>(BlockBytes + (1 << 16));
        var json = new Utf8JsonWriter(buffer, JsonOptions);
        await using (json.ConfigureAwait(false))
        {
            long rows = 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                WriteRecord(json, SnapshotRow.Read(reader));
                json.Flush();
                json.Reset();
                buffer.Write("\n"u8);
                rows++;
                if (buffer.WrittenCount >= BlockBytes)
                {
                    await target.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                    buffer.ResetWrittenCount();
                }
            }

            await target.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            return rows;
        }
    }

    /// <summary>One record, its fields in the snapshot's own order.</summary>
    private static void WriteRecord(Utf8JsonWriter json, SnapshotRow row)
    {
        json.WriteStartObject();
        json.WriteString("id", row.ArxivId);
        json.WriteString("submitter", row.Submitter);
        json.WriteString("authors", string.Join(", ", row.Authors));
        json.WriteString("title", row.Title);
        json.WriteString("comments", row.Comment);
        json.WriteString("journal-ref", row.JournalRef);
        json.WriteString("doi", row.Doi);
        json.WriteString("report-no", row.ReportNo);
        json.WriteString("categories", string.Join(' ', row.PrimaryFirst()));
        json.WriteString("license", row.License);
        json.WriteString("abstract", row.Abstract);
        json.WriteStartArray("versions");
        for (var v = 0; v < row.Versions.Length; v++)
        {
            json.WriteStartObject();
            json.WriteString("version", $"v{row.Versions[v]}");
            json.WriteString("created", row.Created[v] is { } created ? SnapshotDates.FormatCreated(created) : null);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("update_date", row.UpdateDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WritePropertyName("authors_parsed");
        if (row.AuthorsParsed is { } parsed)
        {
            json.WriteRawValue(parsed, skipInputValidation: true);
        }
        else
        {
            json.WriteStartArray();
            foreach (var name in row.Authors)
            {
                // Lossy: the last word is taken for the keyname, the rest for the forenames, and no suffix.
                var split = name.LastIndexOf(' ');
                json.WriteStartArray();
                json.WriteStringValue(split < 0 ? name : name[(split + 1)..]);
                json.WriteStringValue(split < 0 ? string.Empty : name[..split]);
                json.WriteStringValue(string.Empty);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
