using Etl.Data.Loading;
using Etl.Data.Reporting;
using Etl.Data.Resilience;
using Npgsql;

namespace Etl.Integration.Tests.Infrastructure;

/// <summary>One test's own warehouse database.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _server;

    public TestDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = TestCluster.ConnectionString(server, name);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public Task<LoadSummary> LoadAsync(IReadOnlyList<string> files, LoaderOptions? options = null, Action<FileOutcome>? onFile = null) =>
        new WarehouseLoader(DataSource, TransientRetry.Create(maxAttempts: 2), options).LoadAsync(files, onFile);

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

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync().ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
