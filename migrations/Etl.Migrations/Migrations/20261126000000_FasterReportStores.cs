using Etl.Data;
using Etl.Data.Reporting;
using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations.Migrations;

/// <summary>
/// Issue 12, performance: <c>report.digests</c> reads each digest's paper counts, stored when its batch
/// loads, instead of aggregating all of the evidence on every query; the author store keeps each
/// author's category counts in the author's own row, so a daily load writes each author once.
/// </summary>
/// <remarks>
/// The stores are filled here by the loader's current scripts (as a rebuild fills them), so only the
/// newest migration that changes a store may run them: an older one would run scripts written for
/// tables it has not created yet.
/// </remarks>
[DbContext(typeof(WarehouseContext))]
[Migration("20261126000000_FasterReportStores")]
public sealed class FasterReportStores : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var assembly = typeof(FasterReportStores).Assembly;
        migrationBuilder.Sql(EmbeddedSql.Read(assembly, "sql/schema/009_report_store_digests.sql"));
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(EmbeddedSql).Assembly, $"sql/load/{ReportStore.DigestPapersFullScript}.sql"));
        // The author store is filled by 20261205120000_Snapshot, the newest migration that changes it (its settings).
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TABLE report_store.digest_papers;
            CREATE TABLE report_store.author_categories (
                author_key       text NOT NULL,
                primary_category text NOT NULL,
                papers           integer NOT NULL,
                PRIMARY KEY (author_key, primary_category)
            );
            INSERT INTO report_store.author_categories (author_key, primary_category, papers)
            SELECT s.author_key, c.key, c.value::integer FROM report_store.author_stats s, jsonb_each(s.category_papers) AS c;
            ALTER TABLE report_store.author_stats DROP COLUMN category_papers;
            """);
    }
}
