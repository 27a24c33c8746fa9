using Etl.Data;
using Etl.Data.Reporting;
using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations.Migrations;

/// <summary>
/// Issue 24, search: the words each paper is found by (<c>report_store.paper_search</c>), filled here for a
/// warehouse loaded before, under the load lock so no load writes papers meanwhile. The function
/// <c>report.search_papers</c> is a report script (<c>sql/report/search_papers.sql</c>).
/// </summary>
[DbContext(typeof(WarehouseContext))]
[Migration("20261127120000_PaperSearch")]
public sealed class PaperSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(PaperSearch).Assembly, "sql/schema/011_paper_search.sql"));
        migrationBuilder.Sql(StoreFill.UnderLoadLock);
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(EmbeddedSql).Assembly, $"sql/load/{ReportStore.SearchFullScript}.sql"));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP FUNCTION IF EXISTS report.search_papers(text, text, date, date, integer);
            DELETE FROM warehouse.report_scripts WHERE script = 'sql/report/search_papers.sql';
            DROP TABLE report_store.paper_search;
            DROP FUNCTION report_store.paper_words(text, text), report_store.author_words(text[]);
            """);
    }
}
