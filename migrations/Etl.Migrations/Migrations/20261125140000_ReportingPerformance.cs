using Etl.Data;
using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations.Migrations;

/// <summary>
/// Issue 12, performance and the last data-quality figure: <c>report.authors</c> and
/// <c>report.coauthorships</c> read the author store the loader keeps current at the end of each load
/// (filled for a warehouse loaded before by <see cref="FasterReportStores"/>), and each digest records how many mojibake words its
/// parse repaired.
/// </summary>
[DbContext(typeof(WarehouseContext))]
[Migration("20261125140000_ReportingPerformance")]
public sealed class ReportingPerformance : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var assembly = typeof(ReportingPerformance).Assembly;
        migrationBuilder.Sql(EmbeddedSql.Read(assembly, "sql/schema/007_reporting_performance.sql"));
        migrationBuilder.Sql(EmbeddedSql.Read(assembly, "sql/schema/008_author_store.sql"));

        // The store is filled for the papers already loaded by 20261126000000_FasterReportStores, the newest
        // migration that changes it: the fill is the loader's current script, written for the newest tables.
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TABLE report_store.dirty_papers, report_store.dirty_authors, report_store.paper_author_keys, report_store.coauthor_pairs,
                       report_store.author_categories, report_store.author_stats;
            ALTER TABLE warehouse.digests DROP COLUMN mojibake_repairs;
            """);
    }
}
