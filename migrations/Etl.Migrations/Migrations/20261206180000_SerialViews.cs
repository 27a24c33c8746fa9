using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations.Migrations;

/// <summary>
/// Issue 23: the per-paper report views are planned without parallel workers
/// (<c>sql/schema/015_serial_views.sql</c>); the views themselves pass a column through the new function
/// (<c>sql/report</c>, applied after the migrations). Undone, the views that call it go with it, and the
/// report scripts of the version migrated to create them again.
/// </summary>
[DbContext(typeof(WarehouseContext))]
[Migration("20261206180000_SerialViews")]
public sealed class SerialViews() : SchemaFileMigration(
    "sql/schema/015_serial_views.sql",
    "DROP FUNCTION report_store.serial_plan(integer) CASCADE;");
