using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Etl.Service.Inbox;

/// <summary>
/// Moves files the warehouse holds to the archive or quarantine (see <see cref="FilePlacement"/>). Called
/// only after the content's transaction committed, by the load job and by every scan: a crash between
/// commit and move leaves the file in the inbox, and the next scan moves it. Several processes may try
/// the same move: the loser finds the file gone, which is fine.
/// </summary>
public sealed partial class FileMover(ServiceOptions options, ILogger<FileMover> logger)
{
    public void Place(string path, StoredContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (FilePlacement.For(path, content, options.Archive, options.Quarantine) is not { } placement)
        {
            return;
        }

        try
        {
            if (!SameContent(path, content.Sha256))
            {
                // Rewritten since it was hashed: the next scan looks at the new content.
                return;
            }

            var destination = placement.Destination;
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (File.Exists(destination))
            {
                if (SameContent(destination, content.Sha256))
                {
                    // The same content (copied twice into the inbox) is already there.
                    File.Delete(path);
                    return;
                }

                destination = FilePlacement.Disambiguate(destination, content.Sha256);
            }

            if (placement.Reason is { } reason)
            {
                WriteWhole(destination + ".reason.txt", reason + Environment.NewLine);
            }

            File.Move(path, destination, overwrite: true);
            LogMoved(path, destination);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // Another process (or an earlier attempt) moved it already.
        }
    }

    // A scan and a job may place the same file at once: writing beside and renaming means a reader
    // (or the other writer) never sees a reason file that is empty or half written.
    private static void WriteWhole(string path, string text)
    {
        var scratch = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(scratch, text);
        File.Move(scratch, path, overwrite: true);
    }

    private static bool SameContent(string path, string sha256) =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) == sha256;

    [LoggerMessage(Level = LogLevel.Information, Message = "moved {File} to {Destination}")]
    private partial void LogMoved(string file, string destination);
}
