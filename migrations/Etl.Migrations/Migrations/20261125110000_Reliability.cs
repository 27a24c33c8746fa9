using Etl.Data;
using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations.Migrations;

/// <summary>Each digest records the parsing rules version that derived its evidence (see <c>etl reparse</c>).</summary>
[DbContext(typeof(WarehouseContext))]
[Migration("20261125110000_Reliability")]
public sealed class Reliability : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(Reliability).Assembly, "sql/schema/003_rules_version.sql"));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE warehouse.digests DROP COLUMN rules_version;");
    }
}
