using Etl.Data;
using Etl.Data.Reporting;
using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations.Migrations;

/// <summary>
/// The reporting layer (docs/reporting.md): the analytical views of schema <c>report</c>, the store that
/// keeps <c>report.papers</c> fast (filled here for a warehouse loaded before), column descriptions, and
/// the read-only role <c>etl_reader</c>.
/// </summary>
[DbContext(typeof(WarehouseContext))]
[Migration("20261125130000_ReportingLayer")]
public sealed class ReportingLayer : Migration
{
    private static readonly string[] Views =
        ["paper_lists", "contract_comments", "daily_submissions", "category_trends", "authors", "coauthorships", "revisions", "digests", "data_quality"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var view in Views)
        {
            migrationBuilder.Sql(EmbeddedSql.Read(typeof(ReportingLayer).Assembly, $"sql/report/{view}.sql"));
        }

        // Fill the store for every paper already loaded, with the loader's own refresh.
        migrationBuilder.Sql("""
            CREATE TEMP TABLE touched_papers ON COMMIT DROP AS SELECT arxiv_id FROM warehouse.papers;
            CREATE TEMP TABLE staged_authors ON COMMIT DROP AS SELECT author_key, display_name FROM warehouse.authors;
            CREATE TEMP TABLE renamed_authors (author_key text NOT NULL) ON COMMIT DROP;
            """);
        foreach (var script in ReportStore.Scripts)
        {
            migrationBuilder.Sql(EmbeddedSql.Read(typeof(EmbeddedSql).Assembly, $"sql/load/{script}.sql"));
        }

        migrationBuilder.Sql(EmbeddedSql.Read(typeof(ReportingLayer).Assembly, "sql/report/reader_role.sql"));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP VIEW report.daily_submissions, report.category_trends, report.authors, report.coauthorships,
                      report.revisions, report.digests, report.data_quality;
            """);
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(ReportingLayer).Assembly, "sql/report/papers.sql"));
        migrationBuilder.Sql("DROP SCHEMA report_store CASCADE;");
    }
}
