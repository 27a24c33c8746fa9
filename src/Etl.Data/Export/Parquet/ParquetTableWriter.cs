using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;
using ParquetSharp;
using ParquetSharp.Schema;

namespace Etl.Data.Export.Parquet;

/// <summary>
/// Streams the rows of one query into one Parquet file. PostgreSQL sends them with a binary COPY; one
/// thread decodes them into a row group's columns, and a second one writes each full row group (encoding
/// and compression are native) while the next fills. At most two row groups exist at a time, each bounded
/// by <see cref="ParquetSettings.RowGroupBytes"/> (and their text held in the export's two
/// <see cref="ValueArena"/>s, made once), so memory does not grow with the warehouse. Both are
/// dedicated threads that block on their reads and hand-offs, as long CPU-bound work should, rather than
/// thread-pool threads.
/// </summary>
internal static class ParquetTableWriter
{
    /// <returns>The rows written.</returns>
    public static async Task<long> WriteAsync(
        NpgsqlConnection connection,
        string query,
        IReadOnlyList<ColumnPlan> columns,
        bool dictionary,
        string path,
        IReadOnlyDictionary<string, string> metadata,
        ParquetSettings settings,
        IReadOnlyList<ValueArena> arenas,
        CancellationToken cancellationToken)
    {
        using var file = Create(path, columns, dictionary, metadata, settings);

        // Row groups take turns (one fills while another is written), one for each arena.
        using var empty = new BlockingCollection<RowGroupBuffer>(arenas.Count);
        foreach (var arena in arenas)
        {
            arena.Clear();
            empty.Add(new RowGroupBuffer(columns, arena), CancellationToken.None);
        }

        using var full = new BlockingCollection<RowGroupBuffer>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = Dedicated(() => WriteGroups(file, full, empty, stop));
        var reading = Dedicated(() =>
        {
            try
            {
                return ReadGroups(connection, query, columns, empty, full, settings.RowGroupBytes, stop.Token);
            }
            finally
            {
                full.CompleteAdding();
            }
        });

        try
        {
            await Task.WhenAll(reading, writing).ConfigureAwait(false);
        }
        catch when (cancellationToken.IsCancellationRequested)
        {
            // The reader may end with the cancelled COPY's error: the user's cancellation is what happened.
            throw new OperationCanceledException(cancellationToken);
        }
        catch when (writing.IsFaulted)
        {
            // A failing writer stops the reader (whose error is then the cancelled COPY's): its own failure is the cause.
            await writing.ConfigureAwait(false);
            throw;
        }

        file.Close();
        return await reading.ConfigureAwait(false);
    }

    private static Task<T> Dedicated<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Task Dedicated(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static ParquetFileWriter Create(
        string path, IReadOnlyList<ColumnPlan> columns, bool dictionary, IReadOnlyDictionary<string, string> metadata, ParquetSettings settings)
    {
        var nodes = columns.Select(column => column.CreateNode()).ToArray();
        try
        {
            using var schema = new GroupNode("schema", Repetition.Required, nodes);
            using var builder = new WriterPropertiesBuilder();
            builder.Compression(settings.Compression);
            if (settings.CompressionLevel is { } level)
            {
                builder.CompressionLevel(level);
            }

            // Arrow's dictionary encoding, where the table's values repeat: it shrinks the repeated names and
            // keys (paper_authors.parquet comes out at less than half the size it has without).
            if (!dictionary)
            {
                builder.DisableDictionary();
            }

            using var properties = builder.Build();
            return new ParquetFileWriter(path, schema, properties, metadata);
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }

    private static long ReadGroups(
        NpgsqlConnection connection,
        string query,
        IReadOnlyList<ColumnPlan> columns,
        BlockingCollection<RowGroupBuffer> empty,
        BlockingCollection<RowGroupBuffer> full,
        long rowGroupBytes,
        CancellationToken cancellationToken)
    {
        // The repository's query, its columns cast where their type is written as another; the column
        // names come from PostgreSQL's own description of the query (quoted).
        var copyCommand = $"COPY (SELECT {string.Join(", ", columns.Select(column => column.SelectExpression))} FROM ({query}\n) AS exported) TO STDOUT (FORMAT BINARY)";
        using var copy = connection.BeginRawBinaryCopy(copyCommand);

        // A blocking read does not watch the token: cancelling the COPY on the server ends it.
        using var cancel = cancellationToken.Register(() => copy.Cancel());
        var reader = new BinaryCopyReader(copy);
        reader.ReadHeader();

        var group = empty.Take(cancellationToken);
        var buffers = group.Columns;
        long rows = 0;
        while (true)
        {
            reader.Ensure(2);
            var fields = reader.ReadInt16();
            if (fields == -1)
            {
                break;
            }

            if (fields != buffers.Length)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the COPY sent a row of {fields} fields for {buffers.Length} columns"));
            }

            for (var i = 0; i < buffers.Length; i++)
            {
                reader.Ensure(4);
                var length = reader.ReadInt32();
                if (length < 0)
                {
                    buffers[i].AddNull();
                    continue;
                }

                reader.Ensure(length);
                buffers[i].Add(reader.Take(length));
                group.FieldBytes += length;
            }

            group.Rows++;
            rows++;
            if (group.FieldBytes >= rowGroupBytes)
            {
                full.Add(group, cancellationToken);
                group = empty.Take(cancellationToken);
                buffers = group.Columns;
            }
        }

        reader.ReadToEnd();
        if (group.Rows > 0)
        {
            full.Add(group, cancellationToken);
        }

        return rows;
    }

    private static void WriteGroups(ParquetFileWriter file, BlockingCollection<RowGroupBuffer> full, BlockingCollection<RowGroupBuffer> empty, CancellationTokenSource stop)
    {
        try
        {
            foreach (var group in full.GetConsumingEnumerable(stop.Token))
            {
                using (var rowGroup = file.AppendRowGroup())
                {
                    foreach (var column in group.Columns)
                    {
                        using var writer = rowGroup.NextColumn();
                        column.WriteTo(writer);
                    }

                    rowGroup.Close();
                }

                group.Clear();
                empty.Add(group, stop.Token);
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
    }
}
