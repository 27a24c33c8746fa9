using Etl.Data;
using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations.Migrations;

/// <summary>
/// Issue 23: the per-paper report views are planned without parallel workers
/// (<c>sql/schema/015_serial_views.sql</c>); the views themselves pass a column through the new function
/// (<c>sql/report</c>, applied after the migrations).
/// </summary>
[DbContext(typeof(WarehouseContext))]
[Migration("20261206180000_SerialViews")]
public sealed class SerialViews : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(SerialViews).Assembly, "sql/schema/015_serial_views.sql"));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        // The views that call it go with it; the report scripts of the version migrated to create them again.
        migrationBuilder.Sql("DROP FUNCTION report_store.serial_plan(integer) CASCADE;");
    }
}
