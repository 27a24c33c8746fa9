using System.Globalization;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;

namespace Etl.Service.Status;

/// <summary>
/// The service's recent activity, kept in Hangfire's storage so every process writes to and the status
/// page of every process reads the same list: the last <see cref="Size"/> files handled and the time of the last scan.
/// </summary>
public sealed class ActivityLog(JobStorage storage, TimeProvider clock)
{
    public const int Size = 50;
    private const string FilesKey = "etl:recent-files";
    private const string StatusKey = "etl:status";

    public void Record(IReadOnlyCollection<FileActivity> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        foreach (var file in files)
        {
            transaction.InsertToList(FilesKey, JsonSerializer.Serialize(file));
        }

        transaction.TrimList(FilesKey, 0, Size - 1);
        transaction.Commit();
    }

    public void ScanFinished()
    {
        using var connection = storage.GetConnection();
        connection.SetRangeInHash(StatusKey, [new("last-scan", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))]);
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<FileActivity> Recent()
    {
        using var connection = (JobStorageConnection)storage.GetConnection();
        return [.. connection.GetRangeFromList(FilesKey, 0, Size - 1).Select(json => JsonSerializer.Deserialize<FileActivity>(json)!)];
    }

    public DateTimeOffset? LastScan()
    {
        using var connection = storage.GetConnection();
        var entries = connection.GetAllEntriesFromHash(StatusKey);
        return entries is not null && entries.TryGetValue("last-scan", out var text)
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;
    }
}
