using Etl.Core.Model;
using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Etl.Migrations;

/// <summary>
/// Writes <see cref="SourceFormats.All"/> into <c>warehouse.source_formats</c>, so the table always equals the
/// list (the source of truth): a format added to the list becomes a row at the next migrate, with no
/// migration of its own. Idempotent; rows are never deleted (evidence may still name them).
/// </summary>
internal static class SourceFormatRows
{
    private const string Upsert = """
        INSERT INTO warehouse.source_formats AS f (format, precedence, description)
        SELECT * FROM unnest(@formats, @precedences, @descriptions)
        ON CONFLICT (format) DO UPDATE SET precedence = excluded.precedence, description = excluded.description
        WHERE (f.precedence, f.description) IS DISTINCT FROM (excluded.precedence, excluded.description)
        """;

    public static async Task WriteAsync(WarehouseContext context, CancellationToken cancellationToken)
    {
        await context.Database.ExecuteSqlRawAsync(
            Upsert,
            [
                new NpgsqlParameter("formats", SourceFormats.All.Select(format => format.Name).ToArray()),
                new NpgsqlParameter("precedences", SourceFormats.All.Select(format => format.Precedence).ToArray()),
                new NpgsqlParameter("descriptions", SourceFormats.All.Select(format => format.Description).ToArray()),
            ],
            cancellationToken).ConfigureAwait(false);
    }
}
