using Etl.Data;
using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations.Migrations;

/// <summary>
/// Issue 24: schema <c>report</c> is defined by one current script per view and function
/// (<c>sql/report</c>), applied after the migrations whenever its text changed (<see cref="ReportScripts"/>);
/// the migrations keep only what changes tables and data. This one creates the record of applied scripts
/// and clears the layout the migrations left (the view <c>report_store.data_quality_base</c> and the
/// grant it kept).
/// </summary>
[DbContext(typeof(WarehouseContext))]
[Migration("20261127000000_RepeatableReport")]
public sealed class RepeatableReport : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(RepeatableReport).Assembly, "sql/schema/010_report_scripts.sql"));
    }

    /// <summary>
    /// Going back, schema <c>report</c> is emptied: the definitions belong to the release that migrates up
    /// again (its <c>etl migrate</c> applies them all, the record being gone), and older migrations may then
    /// drop the tables the views read.
    /// </summary>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DO $$
            DECLARE
                item record;
            BEGIN
                FOR item IN SELECT format('DROP VIEW IF EXISTS %s CASCADE', c.oid::regclass) AS drop
                            FROM pg_class c WHERE c.relnamespace = 'report'::regnamespace AND c.relkind = 'v'
                            UNION ALL
                            SELECT format('DROP FUNCTION IF EXISTS %s CASCADE', p.oid::regprocedure)
                            FROM pg_proc p WHERE p.pronamespace = 'report'::regnamespace
                LOOP
                    EXECUTE item.drop;
                END LOOP;
            END
            $$;
            DROP TABLE warehouse.report_scripts;
            """);
    }
}
