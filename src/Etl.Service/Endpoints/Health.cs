using Hangfire;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Etl.Service.Endpoints;

/// <summary>
/// <c>/healthz</c>: 200 when the warehouse answers and this process's Hangfire server is heartbeating,
/// 503 otherwise, with which check failed. Hangfire's degraded mode (start without storage) is off: the
/// service migrates the warehouse before it starts and refuses to start without it, so a running service
/// has storage; during an outage this answers 503 and the jobs resume when the database returns.
/// </summary>
public static class Health
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    // Hangfire beats every 30 seconds by default.
    private static readonly TimeSpan HeartbeatAge = TimeSpan.FromSeconds(90);

    public static async Task<IResult> CheckAsync(NpgsqlDataSource dataSource, JobStorage storage, ServerIdentity server, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(server);
        var database = await ProbeAsync(dataSource, cancellationToken).ConfigureAwait(false);
        var hangfire = database == "ok" ? ServerAlive(storage, server.Name, clock) : "unknown: database unreachable";
        var healthy = database == "ok" && hangfire == "ok";
        return Results.Json(
            new { status = healthy ? "healthy" : "unhealthy", database, hangfire, server = server.Name, degradedMode = false },
            statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<string> ProbeAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token).ConfigureAwait(false);
            return "ok";
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return $"unreachable: {exception.Message}";
        }
    }

    private static string ServerAlive(JobStorage storage, string serverName, TimeProvider clock)
    {
        Hangfire.Storage.Monitoring.ServerDto? self;
        try
        {
            self = storage.GetMonitoringApi().Servers().FirstOrDefault(s => s.Name.StartsWith(serverName, StringComparison.OrdinalIgnoreCase));
        }
        catch (NpgsqlException exception)
        {
            return $"storage unreachable: {exception.Message}";
        }

        return self switch
        {
            null => "not running",
            { Heartbeat: { } beat } when clock.GetUtcNow().UtcDateTime - beat < HeartbeatAge => "ok",
            _ => "heartbeat too old",
        };
    }
}
