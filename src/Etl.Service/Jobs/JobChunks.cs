using Etl.Data.Discovery;
using Etl.Service.Inbox;

namespace Etl.Service.Jobs;

/// <summary>
/// Cuts the files a scan found into load jobs (pure). Files go in the loader's order (digest date, then
/// path), so a backfill's jobs are the batches <c>etl ingest</c> would commit, and a paper's entries stay
/// in few jobs.
/// </summary>
public static class JobChunks
{
    public static IReadOnlyList<InboxFile[]> Split(IEnumerable<DigestFile> files, long maxBytes, int maxFiles)
    {
        var chunks = new List<InboxFile[]>();
        var chunk = new List<InboxFile>();
        long bytes = 0;
        foreach (var file in files.OrderBy(file => file.DigestDate ?? DateOnly.MaxValue).ThenBy(file => file.Path, StringComparer.Ordinal))
        {
            chunk.Add(new InboxFile(file.Path, file.ShaHex, file.Bytes));
            bytes += file.Bytes;
            if (bytes >= maxBytes || chunk.Count >= maxFiles)
            {
                chunks.Add([.. chunk]);
                chunk.Clear();
                bytes = 0;
            }
        }

        if (chunk.Count > 0)
        {
            chunks.Add([.. chunk]);
        }

        return chunks;
    }
}
