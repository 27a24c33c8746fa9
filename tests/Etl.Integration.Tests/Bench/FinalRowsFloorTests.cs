using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Xunit;

namespace Etl.Integration.Tests.Bench;

/// <summary>
/// The benchmark's floor (<c>bench/Etl.Bench/Floors/final_rows.sql</c>) is frozen on purpose, so a change of
/// the warehouse must not stop it from taking the warehouse's rows: the benchmark would then measure nothing
/// (as its all-tables floor once did, unnoticed, after the snapshot migration changed a key).
/// </summary>
public sealed class FinalRowsFloorTests
{
    private static readonly string[] Tables = ["authors", "papers", "paper_versions", "paper_authors", "paper_categories"];

    [Fact]
    public async Task The_frozen_floor_tables_take_a_loaded_warehouse_s_rows_with_their_keys()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        var samples = Directory.GetFiles(Path.Combine(SharedSamples.RepositoryRoot, "samples"), "*", SearchOption.AllDirectories);
        await database.LoadAsync(samples);
        await database.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(SharedSamples.RepositoryRoot, "bench", "Etl.Bench", "Floors", "final_rows.sql")));

        // What CopyFloor does, set-based in one statement a table: the floor's columns, read from the warehouse.
        foreach (var table in Tables)
        {
            var columns = await database.ScalarAsync<string>(
                $"SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = 'floor_final' AND table_name = '{table}'");
            await database.ExecuteAsync($"INSERT INTO floor_final.{table} ({columns}) SELECT {columns} FROM warehouse.{table}");
            Assert.Equal(
                await database.CountAsync($"SELECT count(*) FROM warehouse.{table}"),
                await database.CountAsync($"SELECT count(*) FROM floor_final.{table}"));
        }

        Assert.Equal(48, await database.CountAsync("SELECT count(*) FROM floor_final.papers"));
    }
}
