using System.Globalization;
using System.Text;

namespace Etl.Service.Inbox;

/// <summary>
/// Decides where a file whose content the warehouse holds belongs (pure: paths only). Loaded files go to
/// <c>archive/category/date/name</c>; files rejected whole go to <c>quarantine/name</c>; without the
/// corresponding folder configured, a file stays where it is (null).
/// </summary>
public static class FilePlacement
{
    public static Placement? For(string path, StoredContent content, string? archive, string? quarantine)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = Path.GetFileName(path);
        if (content.Rejected)
        {
            return quarantine is null ? null : new Placement(Path.Combine(quarantine, name), content.Reason ?? "rejected (no reason recorded)");
        }

        if (archive is null)
        {
            return null;
        }

        var date = content.DigestDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
        return new Placement(Path.Combine(archive, FolderName(content.Category), date, name), null);
    }

    /// <summary>The path a file takes when its destination is taken by a different content: the sha256's first 12 digits before the extension.</summary>
    public static string Disambiguate(string destination, string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        var extension = Path.GetExtension(destination);
        return Path.ChangeExtension(destination, null) + "." + sha256[..12] + extension;
    }

    /// <summary>A category comes from file content: keep it from naming any other folder.</summary>
    public static string FolderName(string? category)
    {
        if (string.IsNullOrWhiteSpace(category))
        {
            return "uncategorized";
        }

        var safe = new StringBuilder(category.Length);
        foreach (var c in category)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var folder = safe.ToString().Trim('.');
        return folder.Length == 0 ? "uncategorized" : folder;
    }
}
