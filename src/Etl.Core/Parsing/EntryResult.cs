using Etl.Core.Model;

namespace Etl.Core.Parsing;

/// <summary>An entry parser's answer: the entry (with the words its texts had repaired as mojibake), or why it was rejected.</summary>
internal readonly record struct EntryResult(DigestEntry? Entry, EntryRejection? Rejection, int MojibakeRepairs = 0)
{
    public static EntryResult Accept(DigestEntry entry, int mojibakeRepairs) => new(entry, null, mojibakeRepairs);

    public static EntryResult Reject(int line, string reason) => new(null, new EntryRejection(line, reason));
}
