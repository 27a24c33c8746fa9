using Etl.Migrations;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>The order the report scripts are applied in: after the objects they name, else by name.</summary>
public sealed class ScriptOrderTests
{
    [Fact]
    public void A_script_comes_after_the_objects_it_names_and_otherwise_by_name()
    {
        var ordered = ScriptOrder.Sort(
        [
            Script("a_summary", "CREATE VIEW report.a_summary AS SELECT * FROM report.papers JOIN Report . \"zeta\" USING (id);"),
            Script("zeta", "CREATE VIEW report.zeta AS SELECT 1 AS id FROM report_store.paper_lists;"),
            Script("papers", "CREATE VIEW report.papers AS SELECT 1 AS id;"),
            Script("b_other", "CREATE VIEW report.b_other AS SELECT 1;"),
        ]);

        Assert.Equal(["b_other", "papers", "zeta", "a_summary"], ordered.Select(script => script.Name));
    }

    [Fact]
    public void Names_in_comments_and_string_literals_are_not_references_but_names_in_function_bodies_are()
    {
        Assert.Equal(
            ["search", "papers"],
            ScriptOrder.References("""
                -- reads report.comments_only
                /* and report.block_comment */
                CREATE FUNCTION report.search() RETURNS int LANGUAGE sql AS $$ SELECT count(*) FROM report.papers $$;
                COMMENT ON FUNCTION report.search IS 'See report.literal_only';
                """));
    }

    [Fact]
    public void A_cycle_is_refused_with_the_scripts_that_form_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ScriptOrder.Sort(
        [
            Script("a", "CREATE VIEW report.a AS SELECT * FROM report.b;"),
            Script("b", "CREATE VIEW report.b AS SELECT * FROM report.a;"),
            Script("c", "CREATE VIEW report.c AS SELECT 1;"),
        ]));
        Assert.Contains("sql/report/a.sql, sql/report/b.sql name each other's objects in a cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checksum_ignores_how_lines_end()
    {
        Assert.Equal(Script("a", "SELECT 1;\nSELECT 2;\n").Checksum, Script("a", "SELECT 1;\r\nSELECT 2;\r\n").Checksum);
        Assert.NotEqual(Script("a", "SELECT 1;\n").Checksum, Script("a", "SELECT 2;\n").Checksum);
    }

    private static RepeatableScript Script(string name, string sql) => new($"sql/report/{name}.sql", sql);
}
