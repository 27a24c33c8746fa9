using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>One warehouse with the shared seeds loaded, shared by the tests of a class (they only read it).</summary>
public sealed class SeedsWarehouse : IAsyncLifetime
{
    private TestDatabase? _database;

    internal TestDatabase Database => _database ?? throw new InvalidOperationException("the seeds warehouse is not loaded");

    public async Task InitializeAsync()
    {
        if (!SharedSamples.Available)
        {
            return;
        }

        _database = await TestCluster.CreateDatabaseAsync();
        await _database.LoadAsync(SharedSamples.Files("seeds"));
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
