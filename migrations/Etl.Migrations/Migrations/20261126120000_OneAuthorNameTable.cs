using Etl.Data.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations.Migrations;

/// <summary>
/// Issue 12, the daily load's database time: <c>report_store.author_names</c> repeated
/// <c>warehouse.authors.display_name</c> so a batch could tell which authors it renamed; the loader now
/// reads each touched author's current name from <c>warehouse.authors</c> and stages the ones it renames
/// itself (AuthorNames, sql/load/read_author_names.sql), so each batch keeps one copy of every name
/// current instead of two.
/// </summary>
[DbContext(typeof(WarehouseContext))]
[Migration("20261126120000_OneAuthorNameTable")]
public sealed class OneAuthorNameTable : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE IF EXISTS report_store.author_names;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        // The older loader compares each batch's names with this copy: it starts equal to the authors'.
        migrationBuilder.Sql("""
            CREATE TABLE report_store.author_names (
                author_key   text PRIMARY KEY,
                display_name text NOT NULL
            );
            INSERT INTO report_store.author_names (author_key, display_name)
            SELECT author_key, display_name FROM warehouse.authors;
            """);
    }
}
