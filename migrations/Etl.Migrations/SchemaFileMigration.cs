using Etl.Data;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Etl.Migrations;

/// <summary>A migration that applies one file of <c>sql/schema</c> as it stands and is undone by one script.</summary>
/// <param name="schemaFile">The file, e.g. <c>sql/schema/015_serial_views.sql</c> (embedded in this assembly).</param>
/// <param name="down">The SQL that takes the schema back to before the file.</param>
public abstract class SchemaFileMigration(string schemaFile, string down) : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(EmbeddedSql.Read(typeof(SchemaFileMigration).Assembly, schemaFile));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(down);
    }
}
