using Prometheus;

namespace Etl.Service.Status;

/// <summary>
/// prometheus-net by default also subscribes to every .NET meter and event counter in the process, which
/// includes Npgsql's per-command instruments and the runtime's event source: work on the loader's hot
/// path for numbers nobody asked for. The service exports its own metrics (<see cref="ServiceMetrics"/>)
/// and the process metrics (CPU, memory, GC collections) only.
/// </summary>
public static class MetricsSetup
{
    private static readonly Lazy<bool> Configured = new(() =>
    {
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true, SuppressMeters = true, SuppressProcessMetrics = false, SuppressDebugMetrics = true });
        return true;
    });

    /// <summary>Call before any metric is created; later calls do nothing.</summary>
    public static void EnsureConfigured() => _ = Configured.Value;
}
