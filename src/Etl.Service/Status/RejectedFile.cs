namespace Etl.Service.Status;

/// <summary>A file rejected whole (not a digest), with the reason recorded at its line 1.</summary>
public sealed record RejectedFile(string Path, string Reason, DateTimeOffset At);
