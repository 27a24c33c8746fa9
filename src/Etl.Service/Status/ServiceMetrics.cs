using Prometheus;

namespace Etl.Service.Status;

/// <summary>What <c>/metrics</c> exposes (Prometheus text format). Counters are per process; sum them across processes.</summary>
public static class ServiceMetrics
{
    public static readonly Counter Files = Metrics.CreateCounter(
        "etl_files_total", "Files handled by load jobs, by outcome (loaded, loaded_with_rejections, rejected, already_loaded, skipped).", "outcome");

    public static readonly Counter Entries = Metrics.CreateCounter("etl_entries_total", "Entries loaded.");

    public static readonly Counter RejectedEntries = Metrics.CreateCounter("etl_rejected_entries_total", "Entries rejected (file and line in warehouse.rejections).");

    public static readonly Histogram JobDuration = Metrics.CreateHistogram(
        "etl_job_duration_seconds", "Duration of jobs, by job (load, scan).",
        new HistogramConfiguration { LabelNames = ["job"], Buckets = Histogram.ExponentialBuckets(0.01, 2, 16) });

    public static readonly Gauge LastSuccessfulLoad = Metrics.CreateGauge(
        "etl_last_successful_load_timestamp_seconds", "Unix time at which a load job of this process last committed.");

    public static readonly Gauge QueueDepth = Metrics.CreateGauge(
        "etl_queue_depth", "Hangfire jobs waiting or running, by state (enqueued, processing, scheduled, failed).", "state");
}
