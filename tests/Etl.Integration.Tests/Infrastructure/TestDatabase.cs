using Etl.Data;
using Etl.Data.Loading;
using Etl.Data.Reporting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Polly;

namespace Etl.Integration.Tests.Infrastructure;

/// <summary>One test's own warehouse database, wired by the same <see cref="WarehouseServices.AddWarehouse"/> as the CLI.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly ServiceProvider _services;
    private readonly bool _dropOnDispose;

    private TestDatabase(string server, string name, ServiceProvider services, bool dropOnDispose = true)
    {
        _server = server;
        _dropOnDispose = dropOnDispose;
        Name = name;
        _services = services;
        ConnectionString = TestCluster.ConnectionString(server, name);
        DataSource = services.GetRequiredService<NpgsqlDataSource>();
        Retry = services.GetRequiredService<ResiliencePipeline>();
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public ResiliencePipeline Retry { get; }

    /// <summary>A database another test fixture owns (a dedicated cluster's): disposing it leaves the database.</summary>
    public static Task<TestDatabase> AttachAsync(string server, string name) => OpenAsync(server, name, dropOnDispose: false);

    public static async Task<TestDatabase> OpenAsync(string server, string name, bool dropOnDispose = true)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Warehouse"] = TestCluster.ConnectionString(server, name),
                ["Retry:MaxAttempts"] = "2",
            })
            .Build();
        var services = new ServiceCollection().AddWarehouse(configuration).BuildServiceProvider();
        await services.GetRequiredService<WarehouseConnection>().ResolveAsync(CancellationToken.None).ConfigureAwait(false);
        return new TestDatabase(server, name, services, dropOnDispose);
    }

    /// <summary>Loads with the configured loader, or with <paramref name="options"/> (and the configured retries).</summary>
    public Task<LoadSummary> LoadAsync(IReadOnlyList<string> files, LoaderOptions? options = null, Action<FileOutcome>? onFile = null) =>
        (options is null ? _services.GetRequiredService<WarehouseLoader>() : new WarehouseLoader(DataSource, Retry, options)).LoadAsync(files, onFile);

    public Task<IReadOnlyList<string>> DumpAsync() => ReportDump.ReadJsonLinesAsync(DataSource);

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
    }

    /// <summary>
    /// The rows of <paramref name="stored"/> (a view over a materialized store) equal, as a multiset, those of
    /// <paramref name="computed"/> (its definition over the whole warehouse), which must not be empty.
    /// </summary>
    public async Task AssertSameRowsAsync(string stored, string computed)
    {
        Xunit.Assert.True(await CountAsync($"SELECT count(*) FROM ({computed}) c").ConfigureAwait(false) > 0, "the corpus must produce rows");
        var difference = await CountAsync($"""
            SELECT count(*) FROM (({stored}) EXCEPT ALL ({computed})
                                  UNION ALL
                                  (({computed}) EXCEPT ALL ({stored}))) d
            """).ConfigureAwait(false);
        Xunit.Assert.Equal(0, difference);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        if (!_dropOnDispose)
        {
            return;
        }

        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync().ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
