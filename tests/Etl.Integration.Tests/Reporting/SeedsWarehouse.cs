using Etl.Integration.Tests.Infrastructure;
using Etl.Tests;
using Npgsql;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

/// <summary>One warehouse with the shared seeds loaded, shared by the tests of a class (they only read it).</summary>
public sealed class SeedsWarehouse : IAsyncLifetime
{
    private TestDatabase? _database;
    private Task<NpgsqlDataSource>? _reader;

    internal TestDatabase Database => _database ?? throw new InvalidOperationException("the seeds warehouse is not loaded");

    /// <summary>This warehouse as etl_reader, after <c>etl reader</c> gave the role a login (once per class).</summary>
    internal Task<NpgsqlDataSource> ReaderAsync() => _reader ??= ReaderRoleTests.ReaderAsync(Database);

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
        if (_reader is not null)
        {
            await (await _reader).DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
