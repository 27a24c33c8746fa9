namespace Etl.Service.Inbox;

/// <summary>
/// A file as a job carries it: where it was and the sha256 it had when the scan saw it stable. The job
/// reads it again and loads it only if it still has that content. Small on purpose: Hangfire stores it.
/// </summary>
public sealed record InboxFile(string Path, string Sha256, long Bytes);
