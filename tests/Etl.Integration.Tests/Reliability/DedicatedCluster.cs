using Etl.Data.Embedded;
using Xunit;

namespace Etl.Integration.Tests.Reliability;

/// <summary>
/// A PostgreSQL cluster of its own (under TMPDIR, started and stopped like the CLI's embedded one), for
/// tests that stop and restart the server without disturbing the shared test cluster.
/// </summary>
public sealed class DedicatedCluster : IAsyncLifetime
{
    private readonly EmbeddedPostgresOptions _options = new()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "etl-dedicated-" + Guid.NewGuid().ToString("N")[..8]),
        Database = "etl_restart",
        FastUnsafe = true,
    };

    /// <summary>The warehouse database on this cluster.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task StartAsync() => ConnectionString = await EmbeddedPostgres.EnsureStartedAsync(_options, log: null, CancellationToken.None);

    public Task StopAsync() => EmbeddedPostgres.StopAsync(_options.DataDirectory, CancellationToken.None);

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_options.DataDirectory, recursive: true);
        File.Delete(_options.DataDirectory + ".lock");
    }
}
