using Hangfire;
using Hangfire.Storage;

namespace Etl.Service.Jobs;

/// <summary>
/// The contents enqueued for loading and not loaded yet, shared by every process through Hangfire's
/// storage (a set scored by enqueue time). A scan enqueues only contents it can claim here, so the
/// watcher, the schedule and several processes never queue the same file twice. A claim older than
/// <see cref="ServiceOptions.PendingExpiry"/> lapses (its job failed for good, or its process died), and
/// the next scan enqueues the file again.
/// </summary>
public sealed class PendingFiles(JobStorage storage, ServiceOptions options, TimeProvider clock)
{
    private const string Key = "etl:pending";
    private const string LockName = "etl:pending:lock";

    /// <returns>The contents of <paramref name="sha256s"/> that were not pending and now are.</returns>
    public IReadOnlySet<string> Claim(IEnumerable<string> sha256s)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        using var connection = (JobStorageConnection)storage.GetConnection();
        using var exclusive = connection.AcquireDistributedLock(LockName, TimeSpan.FromSeconds(30));
        var lapsed = connection.GetFirstByLowestScoreFromSet(Key, 0, now - options.PendingExpiry.TotalSeconds, 100_000);
        var pending = connection.GetAllItemsFromSet(Key);
        pending.ExceptWith(lapsed);
        var claimed = sha256s.Where(sha => !pending.Contains(sha)).ToHashSet(StringComparer.Ordinal);
        if (claimed.Count > 0)
        {
            using var transaction = connection.CreateWriteTransaction();
            foreach (var sha in claimed)
            {
                transaction.AddToSet(Key, sha, now);
            }

            transaction.Commit();
        }

        return claimed;
    }

    /// <summary>Called once a job has handled its files (loaded, already loaded, gone or changed).</summary>
    public void Release(IEnumerable<string> sha256s)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        foreach (var sha in sha256s)
        {
            transaction.RemoveFromSet(Key, sha);
        }

        transaction.Commit();
    }
}
