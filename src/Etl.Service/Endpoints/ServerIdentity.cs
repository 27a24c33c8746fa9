using System.Globalization;

namespace Etl.Service.Endpoints;

/// <summary>This process's Hangfire server name, so <c>/healthz</c> checks its own server and not another process's.</summary>
public sealed record ServerIdentity(string Name)
{
    public static ServerIdentity ForThisProcess() =>
        new(string.Create(CultureInfo.InvariantCulture, $"etl-serve-{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}").ToLowerInvariant());
}
