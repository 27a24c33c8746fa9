using Etl.Core.Model;

namespace Etl.Core.Parsing;

/// <summary>An entry parser's answer: the entry, or why it was rejected.</summary>
internal readonly record struct EntryResult(DigestEntry? Entry, EntryRejection? Rejection)
{
    public static EntryResult Accept(DigestEntry entry) => new(entry, null);

    public static EntryResult Reject(int line, string reason) => new(null, new EntryRejection(line, reason));
}
