using Etl.Data;
using Etl.Data.Reporting;
using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations.Migrations;

/// <summary>
/// Issue 22: arXiv's metadata snapshot as a fourth source. Records are evidence with their own rank key,
/// stored once however many snapshots hold them; snapshot digests count their new, changed and unchanged records.
/// The <c>snapshot</c> row of <c>warehouse.source_formats</c> is written by every migrate (SourceFormatRows).
/// </summary>
[DbContext(typeof(WarehouseContext))]
[Migration("20261205120000_Snapshot")]
public sealed class Snapshot : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(Snapshot).Assembly, "sql/schema/012_snapshot.sql"));

        // The newest migration that changes the author store (its settings) fills it for the papers already
        // loaded, with the loader's current script (see FasterReportStores).
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(EmbeddedSql).Assembly, $"sql/load/{ReportStore.AuthorStoreFullScript}.sql"));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        // Snapshot evidence cannot be kept by the older schema: it goes, and `etl rebuild` derives the rest again.
        migrationBuilder.Sql("""
            -- report.data_quality reads the settings: dropped, and applied again by the next migrate's report scripts.
            DROP VIEW IF EXISTS report.data_quality;
            DELETE FROM warehouse.report_scripts WHERE script = 'sql/report/data_quality.sql';
            DROP TABLE report_store.settings;
            DELETE FROM warehouse.evidence WHERE format = 'snapshot';
            DELETE FROM warehouse.rejections r USING warehouse.digests d WHERE d.digest_id = r.digest_id AND d.format = 'snapshot';
            DELETE FROM warehouse.digests WHERE format = 'snapshot';
            DELETE FROM warehouse.source_formats WHERE format = 'snapshot';
            DROP INDEX warehouse.evidence_record_sha256;
            ALTER TABLE warehouse.evidence
                DROP COLUMN record_sha256, DROP COLUMN record_date, DROP COLUMN versions, DROP COLUMN versions_created,
                DROP COLUMN submitter, DROP COLUMN report_no, DROP COLUMN license, DROP COLUMN authors_parsed;
            ALTER TABLE warehouse.digests DROP COLUMN records_new, DROP COLUMN records_changed, DROP COLUMN records_unchanged;
            ALTER TABLE warehouse.source_formats ADD CONSTRAINT source_formats_precedence_key UNIQUE (precedence) DEFERRABLE INITIALLY DEFERRED;
            """);
    }
}
