using Etl.Core.Generation;
using Etl.Data;
using Etl.Data.Embedded;
using Etl.Data.Loading;
using Etl.Data.Resilience;
using Etl.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Etl.Integration.Tests.Wiring;

/// <summary>The one wiring path: typed options from configuration, and what each load reports about itself.</summary>
public sealed class AddWarehouseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("etl-wiring-").FullName;

    [Fact]
    public void Options_are_bound_from_their_configuration_sections()
    {
        using var services = new ServiceCollection().AddWarehouse(Configuration(new()
        {
            ["Loader:BatchBytes"] = "1234",
            ["Loader:OrderByDigestDate"] = "false",
            ["Retry:MaxAttempts"] = "3",
            ["Embedded:DataDirectory"] = "/srv/etl/postgres",
        })).BuildServiceProvider();

        Assert.Equal(1234, services.GetRequiredService<IOptions<LoaderOptions>>().Value.BatchBytes);
        Assert.False(services.GetRequiredService<IOptions<LoaderOptions>>().Value.OrderByDigestDate);
        Assert.Equal(3, services.GetRequiredService<IOptions<RetryOptions>>().Value.MaxAttempts);
        Assert.Equal("/srv/etl/postgres", services.GetRequiredService<IOptions<EmbeddedPostgresOptions>>().Value.DataDirectory);
    }

    [Fact]
    public async Task The_data_source_uses_the_configured_connection_once_it_is_resolved()
    {
        await using var database = await TestCluster.CreateDatabaseAsync();
        await using var services = new ServiceCollection()
            .AddWarehouse(Configuration(new() { ["ConnectionStrings:Warehouse"] = database.ConnectionString }))
            .BuildServiceProvider();

        Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<WarehouseConnection>().ConnectionString);
        Assert.Equal(database.ConnectionString, await services.GetRequiredService<WarehouseConnection>().ResolveAsync(CancellationToken.None));
        await using var command = services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand("SELECT current_database()");
        Assert.Equal(database.Name, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Each_load_returns_its_own_phase_timings()
    {
        CorpusWriter.Write(_folder, new GeneratorOptions { Papers = 20, Seed = 5 });
        var files = Directory.GetFiles(_folder, "*.md", SearchOption.AllDirectories);
        await using var first = await TestCluster.CreateDatabaseAsync();
        await using var second = await TestCluster.CreateDatabaseAsync();

        var loads = await Task.WhenAll(first.LoadAsync(files), second.LoadAsync(files));
        var again = await first.LoadAsync(files);

        Assert.All(loads, load => Assert.Contains("parse + COPY evidence", load.Timings.Keys));
        Assert.All(loads, load => Assert.True(load.Timings.Values.Sum(time => time.TotalSeconds) <= load.Elapsed.TotalSeconds));
        Assert.Empty(again.Timings); // nothing new to load, so no phase ran: nothing carried over from the loads before
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
