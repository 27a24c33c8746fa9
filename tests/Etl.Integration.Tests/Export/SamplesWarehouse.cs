using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Xunit;

namespace Etl.Integration.Tests.Export;

/// <summary>
/// One warehouse with every shared sample folder of digests and listings loaded (seeds, real, listings:
/// old-style ids, papers known only from listings, compact-only papers, mojibake names), shared by the
/// export tests, which only read it.
/// </summary>
public sealed class SamplesWarehouse : IAsyncLifetime
{
    private TestDatabase? _database;

    internal TestDatabase Database => _database ?? throw new InvalidOperationException("the samples warehouse is not loaded");

    public async Task InitializeAsync()
    {
        if (!SharedSamples.Available)
        {
            return;
        }

        _database = await TestCluster.CreateDatabaseAsync();
        await _database.LoadAsync([.. SharedSamples.Files("seeds"), .. SharedSamples.Files("real"), .. SharedSamples.Files("listings")]);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
