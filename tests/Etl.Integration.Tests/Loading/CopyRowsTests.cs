using Etl.Data.Loading;
using Etl.Integration.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Loading;

/// <summary>
/// <see cref="CopyRows"/> encodes PostgreSQL's binary COPY format itself: every type it writes must come
/// back from a real server as written, nulls and edge values included, whether the rows are sent at once
/// or streamed in blocks, and a failure while rows are produced must leave nothing behind.
/// </summary>
public sealed class CopyRowsTests
{
    private const string Table = """
        CREATE TABLE copied (
            t text, i integer, b bigint, ts timestamptz, d date, bytes bytea, list text[])
        """;

    private const string Command = "COPY copied (t, i, b, ts, d, bytes, list) FROM STDIN (FORMAT BINARY)";

    // What the server holds, in a text form that shows every difference (arrays with their bounds).
    private const string Read = """
        SELECT coalesce(t, '∅') || '|' || coalesce(i::text, '∅') || '|' || coalesce(b::text, '∅') || '|'
               || coalesce(to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), '∅') || '|' || coalesce(d::text, '∅') || '|'
               || coalesce(encode(bytes, 'hex'), '∅') || '|' || coalesce(array_dims(list), '') || coalesce(list::text, '∅')
        FROM copied ORDER BY i NULLS FIRST, t
        """;

    public static TheoryData<string, string> Values => new()
    {
        // name, expected row as Read shows it
        { "plain", "arXiv 2009.14721|1|9000000000|2020-09-30 17:59:59.000000|2020-09-30|00ff10|[1:2]{cs.CV,cs.LG}" },
        { "nulls", "∅|∅|∅|∅|∅|∅|∅" },
        { "unicode and quotes", "Zoë \"Ø\" 名前 \\ \t 😀|2|-1|1998-01-05 00:00:00.000000|1998-01-05||{}" },
        { "extremes", "|2147483647|9223372036854775807|1970-01-01 00:00:00.000001|1999-12-31|00|[1:1]{\"a,b\"}" },
        { "negative", "x|-2147483648|-9223372036854775808|1901-12-13 20:45:52.999999|0001-01-01|ff|[1:3]{\"\",\"NULL\",\" \"}" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task A_row_comes_back_as_written(string name, string expected)
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.ExecuteAsync(Table);
        var rows = new CopyRows(Command);
        Write(rows, name);

        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            Assert.Equal(1, await rows.CopyAsync(connection, CancellationToken.None));
        }

        Assert.Equal(expected, await database.ScalarAsync<string>(Read));
    }

    [Fact]
    public async Task Rows_streamed_in_blocks_all_arrive_and_one_instance_serves_several_copies()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.ExecuteAsync(Table);
        await using var connection = await database.DataSource.OpenConnectionAsync();

        // Several blocks' worth: each row carries a 10 kB text.
        var big = new string('x', 10_000);
        var count = 3 * CopyRows.BlockBytes / big.Length;
        var produced = await CopyRows.StreamAsync(connection, Command, rows =>
        {
            for (var i = 0; i < count; i++)
            {
                WriteRow(rows, big, i, i, null, null, null, [i.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }

            return count;
        }, CancellationToken.None);

        var again = new CopyRows(Command);
        for (var round = 0; round < 2; round++)
        {
            WriteRow(again, "again", -1 - round, null, null, null, null, null);
            Assert.Equal(1, await again.CopyAsync(connection, CancellationToken.None));
        }

        Assert.Equal(produced + 2L, await database.ScalarAsync<long>("SELECT count(*) FROM copied"));
        Assert.Equal(produced, await database.ScalarAsync<long>($"SELECT count(*) FROM copied WHERE t = repeat('x', 10000) AND list = ARRAY[i::text]"));
    }

    [Fact]
    public async Task A_failure_while_streaming_cancels_the_copy_and_keeps_its_own_exception()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await database.ExecuteAsync(Table);
        await using var connection = await database.DataSource.OpenConnectionAsync();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => CopyRows.StreamAsync<int>(connection, Command, rows =>
        {
            for (var i = 0; i < 2 * CopyRows.BlockBytes / 1000; i++)
            {
                WriteRow(rows, new string('y', 1000), i, null, null, null, null, null);
            }

            rows.StartRow(7);
            rows.Write("half a row");
            throw new InvalidOperationException("the file changed while it was read");
        }, CancellationToken.None));

        Assert.Equal("the file changed while it was read", failure.Message);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM copied", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task No_rows_start_no_copy_and_a_row_does()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();

        // A COPY into a table that does not exist fails on the server: with no rows, none is started.
        var rows = new CopyRows("COPY not_a_table (t) FROM STDIN (FORMAT BINARY)");
        Assert.Equal(0, await rows.CopyAsync(connection, CancellationToken.None));

        rows.StartRow(1);
        rows.Write("x");
        var missing = await Assert.ThrowsAsync<PostgresException>(() => rows.CopyAsync(connection, CancellationToken.None));
        Assert.Equal(PostgresErrorCodes.UndefinedTable, missing.SqlState);
    }

    [Fact]
    public void A_timestamp_that_is_not_utc_is_refused_where_it_is_written()
    {
        var rows = new CopyRows(Command);
        rows.StartRow(1);
        var refused = Assert.Throws<ArgumentException>(() => rows.Write(new DateTime(2020, 9, 30, 12, 0, 0, DateTimeKind.Unspecified)));
        Assert.Contains("UTC", refused.Message, StringComparison.Ordinal);
    }

    private static void Write(CopyRows rows, string name)
    {
        switch (name)
        {
            case "plain":
                WriteRow(rows, "arXiv 2009.14721", 1, 9_000_000_000, new DateTime(2020, 9, 30, 17, 59, 59, DateTimeKind.Utc), new DateOnly(2020, 9, 30), [0x00, 0xFF, 0x10], ["cs.CV", "cs.LG"]);
                break;
            case "nulls":
                WriteRow(rows, null, null, null, null, null, null, null);
                break;
            case "unicode and quotes":
                WriteRow(rows, "Zoë \"Ø\" 名前 \\ \t 😀", 2, -1, new DateTime(1998, 1, 5, 0, 0, 0, DateTimeKind.Utc), new DateOnly(1998, 1, 5), [], []);
                break;
            case "extremes":
                WriteRow(rows, "", int.MaxValue, long.MaxValue, new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(10), new DateOnly(1999, 12, 31), [0], ["a,b"]);
                break;
            case "negative":
                WriteRow(rows, "x", int.MinValue, long.MinValue, new DateTime(1901, 12, 13, 20, 45, 52, DateTimeKind.Utc).AddTicks(9_999_990), DateOnly.MinValue, [0xFF], ["", "NULL", " "]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "no such case");
        }
    }

    private static void WriteRow(CopyRows rows, string? t, int? i, long? b, DateTime? ts, DateOnly? d, byte[]? bytes, string[]? list)
    {
        rows.StartRow(7);
        rows.Write(t);
        rows.Write(i);
        rows.Write(b);
        rows.Write(ts);
        rows.Write(d);
        rows.Write(bytes);
        rows.Write(list);
    }
}
