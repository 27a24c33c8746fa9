using Etl.Core.Model;
using Npgsql;

namespace Etl.Data.Loading;

/// <summary>How a parsed file is recorded in <c>warehouse.digests</c> and <c>warehouse.rejections</c>, by a load and a reparse alike.</summary>
internal static class DigestOutcome
{
    public static string Name(ParsedDigest parsed) =>
        parsed.Header is null ? "rejected" : parsed.Rejections.Count > 0 ? "loaded_with_rejections" : "loaded";

    /// <summary>A file that is not a digest is one rejection at line 1; otherwise its rejected entries.</summary>
    public static IEnumerable<EntryRejection> Rejections(ParsedDigest parsed) =>
        parsed.FileRejection is { } reason ? [new EntryRejection(1, reason)] : parsed.Rejections;

    /// <summary>COPYs the <see cref="Rejections"/> of each file into <c>warehouse.rejections</c>.</summary>
    public static async Task CopyRejectionsAsync(NpgsqlConnection connection, IEnumerable<(long DigestId, ParsedDigest Parsed)> files, CancellationToken cancellationToken)
    {
        var rows = new CopyRows("COPY warehouse.rejections (digest_id, line, reason) FROM STDIN (FORMAT BINARY)");
        foreach (var (digestId, parsed) in files)
        {
            foreach (var rejection in Rejections(parsed))
            {
                rows.StartRow(3);
                rows.Write(digestId);
                rows.Write(rejection.Line);
                rows.Write(rejection.Reason);
            }
        }

        await rows.CopyAsync(connection, cancellationToken).ConfigureAwait(false);
    }
}
