using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Reliability;

/// <summary>What must hold in a warehouse at any moment, whatever happened to the process that loaded it.</summary>
internal static class WarehouseInvariants
{
    /// <summary>No digest is recorded without all of its entries: every accepted entry is in evidence, every rejected one (or the file's own rejection) in rejections.</summary>
    public static async Task AssertNoPartialFileAsync(TestDatabase database, string when)
    {
        var partial = await database.CountAsync("""
            SELECT count(*) FROM warehouse.digests d
            WHERE d.entries <> (SELECT count(*) FROM warehouse.evidence e WHERE e.digest_id = d.digest_id)
               OR d.rejected_entries + (d.outcome = 'rejected')::int <> (SELECT count(*) FROM warehouse.rejections r WHERE r.digest_id = d.digest_id)
            """);
        Assert.True(partial == 0, $"{partial} digests are recorded without all their entries {when}");
    }

    /// <summary>Both contract views and the evidence behind them are the same in two warehouses.</summary>
    public static async Task AssertSameWarehouseAsync(TestDatabase expected, TestDatabase actual)
    {
        Assert.Equal(await expected.DumpAsync(), await actual.DumpAsync());
        foreach (var table in new[] { "digests", "evidence", "rejections" })
        {
            var sql = $"SELECT count(*) FROM warehouse.{table}";
            Assert.True(await expected.CountAsync(sql) == await actual.CountAsync(sql), $"warehouse.{table} row counts differ");
        }
    }
}
