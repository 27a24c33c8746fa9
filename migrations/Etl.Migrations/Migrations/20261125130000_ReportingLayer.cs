using Etl.Data;
using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations.Migrations;

/// <summary>
/// The reporting layer's tables (docs/reporting.md): the store that keeps <c>report.papers</c> and
/// <c>report.data_quality</c> fast, filled here for a warehouse loaded before. The views themselves, and
/// the read-only role <c>etl_reader</c>, are applied after the migrations (<see cref="ReportScripts"/>).
/// </summary>
[DbContext(typeof(WarehouseContext))]
[Migration("20261125130000_ReportingLayer")]
public sealed class ReportingLayer : Migration
{
    /// <summary>
    /// The refresh scripts of the tables this migration creates, named here rather than taken from the
    /// loader's current list, which may name stores of later migrations. The lists are filled by
    /// ReportAtScale, the newest migration that changes them: the loader's current refresh writes its columns.
    /// </summary>
    private static readonly string[] FillScripts = ["refresh_paper_quality"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(ReportingLayer).Assembly, "sql/schema/006_report_store.sql"));

        // Fill the store for every paper already loaded, with the loader's own refresh.
        migrationBuilder.Sql(StoreFill.EveryPaperTouched);
        foreach (var script in FillScripts)
        {
            migrationBuilder.Sql(EmbeddedSql.Read(typeof(EmbeddedSql).Assembly, $"sql/load/{script}.sql"));
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP SCHEMA report_store CASCADE;");
    }
}
