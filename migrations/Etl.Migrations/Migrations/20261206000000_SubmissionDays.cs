using Etl.Data;
using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations.Migrations;

/// <summary>
/// Issue 23: <c>report.daily_submissions</c> counts from narrow columns of <c>report_store.paper_lists</c>
/// instead of the papers' and versions' wide rows. The lists are written again for every paper already
/// loaded, with the loader's current refresh: the newest migration that changes the table fills it.
/// </summary>
[DbContext(typeof(WarehouseContext))]
[Migration("20261206000000_SubmissionDays")]
public sealed class SubmissionDays : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(SubmissionDays).Assembly, "sql/schema/013_submission_days.sql"));
        migrationBuilder.Sql("""
            SELECT pg_advisory_xact_lock(7461002001);
            SET LOCAL work_mem = '256MB';
            CREATE TEMP TABLE touched_papers ON COMMIT DROP AS SELECT arxiv_id FROM warehouse.papers;
            CREATE TEMP TABLE staged_authors ON COMMIT DROP AS SELECT author_key, display_name FROM warehouse.authors;
            CREATE TEMP TABLE renamed_authors (author_key text NOT NULL) ON COMMIT DROP;
            """);
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(EmbeddedSql).Assembly, "sql/load/refresh_paper_lists.sql"));
        migrationBuilder.Sql("ALTER TABLE report_store.paper_lists ALTER COLUMN revised_at SET NOT NULL;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            -- report.daily_submissions reads the columns: dropped, and applied again by the next migrate's report scripts.
            DROP VIEW IF EXISTS report.daily_submissions;
            DELETE FROM warehouse.report_scripts WHERE script = 'sql/report/daily_submissions.sql';
            ALTER TABLE report_store.paper_lists DROP COLUMN primary_category, DROP COLUMN published_at, DROP COLUMN revised_at;
            """);
    }
}
