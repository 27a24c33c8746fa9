using Etl.Data.Discovery;

namespace Etl.Service.Inbox;

/// <summary>One look at the inbox folders: the stable digest files, and how many are still changing.</summary>
public sealed record InboxScan(IReadOnlyList<DigestFile> Ready, int StillChanging);
