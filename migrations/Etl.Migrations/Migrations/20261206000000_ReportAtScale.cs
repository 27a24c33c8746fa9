using Etl.Data;
using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations.Migrations;

/// <summary>
/// Issue 23: the report views at a million papers (<c>sql/schema/013_report_at_scale.sql</c>): narrow copies
/// of what they filter and count by in <c>report_store.paper_lists</c>, and indexes for the per-paper
/// queries. The lists are written again for every paper already loaded, with the loader's current
/// refresh: the newest migration that changes the table fills it.
/// </summary>
[DbContext(typeof(WarehouseContext))]
[Migration("20261206000000_ReportAtScale")]
public sealed class ReportAtScale : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(ReportAtScale).Assembly, "sql/schema/013_report_at_scale.sql"));
        migrationBuilder.Sql(StoreFill.UnderLoadLock);
        migrationBuilder.Sql(StoreFill.EveryPaperTouched);
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(EmbeddedSql).Assembly, "sql/load/refresh_paper_lists.sql"));
        migrationBuilder.Sql("ALTER TABLE report_store.paper_lists ALTER COLUMN revised_at SET NOT NULL, ALTER COLUMN known_versions SET NOT NULL;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            -- The views that read the columns: dropped, and applied again by the next migrate's report scripts.
            DROP VIEW IF EXISTS report.daily_submissions, report.category_trends, report.papers, report.revisions, report.paper_authors;
            DROP FUNCTION IF EXISTS report.coauthorships_of(text);
            DELETE FROM warehouse.report_scripts
            WHERE script IN ('sql/report/daily_submissions.sql', 'sql/report/category_trends.sql', 'sql/report/papers.sql',
                             'sql/report/revisions.sql', 'sql/report/paper_authors.sql', 'sql/report/coauthorships_of.sql');
            DROP INDEX warehouse.authors_display_name;
            ALTER TABLE report_store.paper_lists
                DROP COLUMN primary_category, DROP COLUMN published_at, DROP COLUMN revised_at, DROP COLUMN known_versions;
            """);
    }
}
