namespace Etl.Integration.Tests.Infrastructure;

/// <summary>
/// Everything a database's schema defines, as sorted lines of text: tables and their columns,
/// constraints, indexes and comments; views and functions of schema report with their definitions,
/// columns and comments; every grant and default privilege; the migration and report script records.
/// Two databases define the same warehouse when their lines are equal.
/// </summary>
internal static class SchemaDefinitions
{
    private const string Sql = """
        WITH ours AS (SELECT oid, nspname FROM pg_namespace WHERE nspname IN ('warehouse', 'report', 'report_store'))
        SELECT line FROM (
            SELECT format('relation %s.%s kind %s acl %s comment %s', n.nspname, c.relname, c.relkind, c.relacl::text, obj_description(c.oid, 'pg_class'))
            FROM pg_class c JOIN ours n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'v', 'm', 'p', 'S')
            UNION ALL
            SELECT format('column %s.%s.%s %s not null %s default %s comment %s', n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                          a.attnotnull, pg_get_expr(d.adbin, d.adrelid), col_description(c.oid, a.attnum))
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN ours n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE c.relkind IN ('r', 'v', 'm', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            UNION ALL
            SELECT format('column order %s.%s %s', n.nspname, c.relname, string_agg(a.attname, ',' ORDER BY a.attnum))
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN ours n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'v', 'm', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            GROUP BY n.nspname, c.relname
            UNION ALL
            SELECT format('constraint %s.%s %s %s', n.nspname, c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c JOIN ours n ON n.oid = c.connamespace
            UNION ALL
            SELECT format('index %s', pg_get_indexdef(i.indexrelid))
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN ours n ON n.oid = c.relnamespace
            UNION ALL
            SELECT format('view %s.%s %s', n.nspname, c.relname, pg_get_viewdef(c.oid))
            FROM pg_class c JOIN ours n ON n.oid = c.relnamespace WHERE c.relkind = 'v'
            UNION ALL
            SELECT format('function %s acl %s comment %s %s', p.oid::regprocedure, p.proacl::text, obj_description(p.oid, 'pg_proc'), pg_get_functiondef(p.oid))
            FROM pg_proc p JOIN ours n ON n.oid = p.pronamespace
            UNION ALL
            SELECT format('schema %s acl %s comment %s', n.nspname, s.nspacl::text, obj_description(n.oid, 'pg_namespace'))
            FROM ours n JOIN pg_namespace s ON s.oid = n.oid
            UNION ALL
            SELECT format('default privileges in %s for %s: %s', n.nspname, d.defaclobjtype, d.defaclacl::text)
            FROM pg_default_acl d JOIN ours n ON n.oid = d.defaclnamespace
            UNION ALL
            SELECT format('migration %s', "MigrationId") FROM warehouse."__EFMigrationsHistory"
            UNION ALL
            SELECT format('report script %s %s', script, encode(sha256, 'hex')) FROM warehouse.report_scripts
        ) definitions (line)
        ORDER BY line COLLATE "C"
        """;

    public static async Task<IReadOnlyList<string>> ReadAsync(TestDatabase database)
    {
        await using var command = database.DataSource.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var lines = new List<string>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
