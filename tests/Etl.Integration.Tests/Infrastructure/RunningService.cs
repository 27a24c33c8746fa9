using Etl.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Etl.Integration.Tests.Infrastructure;

/// <summary>
/// The service's real host (Kestrel on 127.0.0.1 with a free port, Hangfire on the given database) in the
/// test process. Disposing stops it the way SIGTERM does.
/// </summary>
internal sealed class RunningService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningService(WebApplication app, ServiceOptions options)
    {
        _app = app;
        Options = options;
        Url = new Uri(app.Urls.Single());
    }

    public ServiceOptions Options { get; }

    public Uri Url { get; }

    public IServiceProvider Services => _app.Services;

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<RunningService> StartAsync(string connectionString, ServiceOptions options)
    {
        options.Urls = "http://127.0.0.1:0";
        var app = ServiceHost.Build(options, connectionString, new ConfigurationBuilder().Build(), retryAttempts: 8);
        await app.StartAsync().ConfigureAwait(false);
        return new RunningService(app, options);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
