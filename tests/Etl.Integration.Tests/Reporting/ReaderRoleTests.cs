using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>etl_reader, given a login by <c>etl reader</c>, reads every report view and nothing else, and writes nowhere.</summary>
public sealed class ReaderRoleTests(SeedsWarehouse seeds) : IClassFixture<SeedsWarehouse>
{
    private const string Password = "reader-test-password";

    [SharedSamplesFact]
    public async Task The_reader_reads_every_report_view_and_nothing_else()
    {
        var reader = await seeds.ReaderAsync();
        var views = await seeds.Database.ScalarAsync<string[]>(
            "SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'report' AND c.relkind = 'v'");
        Assert.Equal(["authors", "category_trends", "coauthorships", "daily_submissions", "data_quality", "digests", "paper_versions", "papers", "revisions"], views);
        foreach (var view in views)
        {
            await using var command = reader.CreateCommand($"SELECT count(*) FROM report.{view}");
            Assert.True((long)(await command.ExecuteScalarAsync())! > 0, $"report.{view} is empty for the reader");
        }

        // Report queries never pay for JIT compilation, on any server (sql/report/reader_jit.sql).
        Assert.Equal(1, await seeds.Database.CountAsync(
            "SELECT count(*) FROM pg_db_role_setting WHERE setrole = 'etl_reader'::regrole AND setdatabase = 0 AND 'jit=off' = ANY (setconfig)"));

        foreach (var sql in new[]
        {
            "SELECT count(*) FROM warehouse.papers",
            "SELECT count(*) FROM warehouse.evidence",
            "SELECT count(*) FROM report_store.paper_lists",
            "DELETE FROM report.paper_versions",
            "INSERT INTO report.paper_versions (arxiv_id, version) VALUES ('0000.00000', 1)",
            "UPDATE warehouse.papers SET title = 'x'",
            "CREATE TABLE report.mine (id int)",
            "CREATE TABLE public.mine (id int)",
            "CREATE VIEW report.mine AS SELECT 1",
        })
        {
            await using var command = reader.CreateCommand(sql);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.True(error.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}: expected a permission error, got {error.SqlState} {error.MessageText}");
        }
    }

    [SharedSamplesFact]
    public async Task The_reader_command_needs_its_password_variable()
    {
        var (exitCode, output) = await EtlProcess.RunAsync(["reader", "--password-from-env", "ETL_TEST_UNSET_VARIABLE", "--connection", seeds.Database.ConnectionString]);
        Assert.Equal(1, exitCode);
        Assert.Contains("ETL_TEST_UNSET_VARIABLE is not set", output, StringComparison.Ordinal);
    }

    /// <summary>A connection as etl_reader after <c>etl reader</c> gave it a login.</summary>
    internal static async Task<NpgsqlDataSource> ReaderAsync(TestDatabase database)
    {
        var (exitCode, output) = await EtlProcess.RunAsync(
            ["reader", "--password-from-env", "ETL_TEST_READER_PASSWORD", "--connection", database.ConnectionString],
            new Dictionary<string, string> { ["ETL_TEST_READER_PASSWORD"] = Password });
        Assert.True(exitCode == 0, output);
        Assert.Contains("etl_reader may now log in", output, StringComparison.Ordinal);
        return NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = "etl_reader", Password = Password, Pooling = false }.ConnectionString);
    }
}
