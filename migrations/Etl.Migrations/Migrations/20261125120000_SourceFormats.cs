using Etl.Core.Model;
using Etl.Data;
using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations.Migrations;

/// <summary>
/// Source formats become rows of <c>warehouse.source_formats</c> (written from <see cref="Core.Model.SourceFormats"/>)
/// referenced by foreign keys, instead of CHECK constraints that spelled out <c>detailed</c> and <c>compact</c>:
/// listings (issue 13) are the third format, and a fourth is a row.
/// </summary>
[DbContext(typeof(WarehouseContext))]
[Migration("20261125120000_SourceFormats")]
public sealed class SourceFormats : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var assembly = typeof(SourceFormats).Assembly;
        migrationBuilder.Sql(EmbeddedSql.Read(assembly, "sql/schema/004_source_formats.sql"));
        // The formats of that time (precedence then had to be unique): a format added later is written by the
        // migrate that follows its own migration (SourceFormatRows), once its table changes are in.
        foreach (var format in Core.Model.SourceFormats.All.Where(format => format.Format is DigestFormat.Detailed or DigestFormat.Listing or DigestFormat.Compact))
        {
            migrationBuilder.InsertData(
                table: "source_formats",
                schema: WarehouseContext.Schema,
                columns: ["format", "precedence", "description"],
                columnTypes: ["text", "integer", "text"],
                values: [format.Name, format.Precedence, format.Description]);
        }

        migrationBuilder.Sql(EmbeddedSql.Read(assembly, "sql/schema/005_source_format_keys.sql"));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            ALTER TABLE warehouse.digests DROP CONSTRAINT digests_format_fkey,
                ADD CONSTRAINT digests_format_check CHECK (format IN ('detailed', 'compact'));
            ALTER TABLE warehouse.evidence DROP CONSTRAINT evidence_format_fkey,
                ADD CONSTRAINT evidence_format_check CHECK (format IN ('detailed', 'compact'));
            ALTER TABLE warehouse.evidence DROP CONSTRAINT evidence_version_check,
                ADD CONSTRAINT evidence_check CHECK ((format = 'detailed') = (version IS NOT NULL));
            ALTER TABLE warehouse.paper_versions DROP CONSTRAINT paper_versions_source_fkey,
                ADD CONSTRAINT paper_versions_source_check CHECK (source IN ('detailed', 'compact'));
            DROP TABLE warehouse.source_formats;
            """);
    }
}
