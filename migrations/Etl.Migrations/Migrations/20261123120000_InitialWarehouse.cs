using Etl.Data;
using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations.Migrations;

/// <summary>
/// The first warehouse: tables and the category taxonomy. The DDL is plain SQL in <c>sql/schema</c>
/// (reviewable, with its invariants in comments); EF Core orders and records the migrations. The views
/// of schema <c>report</c> are not migrations: <see cref="ReportScripts"/> applies their current
/// definitions (<c>sql/report</c>) after the migrations.
/// </summary>
[DbContext(typeof(WarehouseContext))]
[Migration("20261123120000_InitialWarehouse")]
public sealed class InitialWarehouse : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(InitialWarehouse).Assembly, "sql/schema/001_warehouse.sql"));
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(InitialWarehouse).Assembly, "sql/schema/002_categories.sql"));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP SCHEMA report CASCADE; DROP SCHEMA warehouse CASCADE;");
    }
}
