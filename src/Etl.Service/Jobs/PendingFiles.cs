using Hangfire;
using Hangfire.Storage;

namespace Etl.Service.Jobs;

/// <summary>
/// The contents enqueued for loading and not loaded yet, shared by every process through Hangfire's
/// storage (a set scored by enqueue time). A scan enqueues only contents it can claim here, so the
/// watcher, the schedule and several processes do not queue the same file twice (unless the database
/// went away between a scan's jobs and its record of them: see <see cref="Claim"/>). A claim older than
/// <see cref="ServiceOptions.PendingExpiry"/> lapses (its job failed for good, or its process died), and
/// the next scan enqueues the file again.
/// </summary>
public sealed class PendingFiles(JobStorage storage, ServiceOptions options, TimeProvider clock)
{
    private const string Key = "etl:pending";
    private const string LockName = "etl:pending:lock";

    /// <summary>
    /// Hands the contents of <paramref name="sha256s"/> that are not pending to <paramref name="enqueue"/>,
    /// then records them as pending, all under one lock. The record is written only after the jobs exist:
    /// a failure in between (the database going away) leaves contents enqueued but not recorded, which
    /// the next scan may enqueue again (a job finds them loaded and does nothing), never contents
    /// recorded without a job, which no scan would enqueue until the claim lapsed.
    /// </summary>
    /// <returns>The contents that were enqueued and are now pending.</returns>
    public IReadOnlySet<string> Claim(IEnumerable<string> sha256s, Action<IReadOnlySet<string>> enqueue)
    {
        ArgumentNullException.ThrowIfNull(enqueue);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        using var connection = (JobStorageConnection)storage.GetConnection();
        using var exclusive = connection.AcquireDistributedLock(LockName, TimeSpan.FromSeconds(30));
        var lapsed = connection.GetFirstByLowestScoreFromSet(Key, 0, now - options.PendingExpiry.TotalSeconds, 100_000);
        var pending = connection.GetAllItemsFromSet(Key);
        pending.ExceptWith(lapsed);
        var claimed = sha256s.Where(sha => !pending.Contains(sha)).ToHashSet(StringComparer.Ordinal);
        if (claimed.Count > 0)
        {
            enqueue(claimed);
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
