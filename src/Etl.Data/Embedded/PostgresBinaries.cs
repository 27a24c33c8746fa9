using System.Globalization;

namespace Etl.Data.Embedded;

/// <summary>
/// Locates the PostgreSQL server programs. Debian and Ubuntu keep <c>initdb</c> and <c>pg_ctl</c> off PATH
/// (under <c>/usr/lib/postgresql/N/bin</c>), so a PATH lookup alone would miss the most common installation.
/// </summary>
public static class PostgresBinaries
{
    private static readonly string[] RequiredPrograms = ["initdb", "pg_ctl", "postgres"];

    /// <summary>
    /// Returns the bin directory holding initdb, pg_ctl and postgres. <c>ETL_PG_BIN</c> wins so a specific version can be
    /// forced; then PATH (the user's own choice); then the newest Debian-style install.
    /// </summary>
    /// <exception cref="EmbeddedPostgresException">No usable installation was found.</exception>
    public static string Find()
    {
        var forced = Environment.GetEnvironmentVariable("ETL_PG_BIN");
        if (!string.IsNullOrWhiteSpace(forced))
        {
            return HasAllPrograms(forced)
                ? Path.GetFullPath(forced)
                : throw new EmbeddedPostgresException(
                    $"ETL_PG_BIN is '{forced}', but that directory does not contain initdb, pg_ctl and postgres. " +
                    "Point it at PostgreSQL's bin directory (e.g. /usr/lib/postgresql/15/bin) or unset it.");
        }

        return PathDirectories().Concat(DebianVersionDirectories()).FirstOrDefault(HasAllPrograms)
            ?? throw new EmbeddedPostgresException(
                "No PostgreSQL binaries were found (looked for initdb, pg_ctl and postgres on PATH and in /usr/lib/postgresql/*/bin). " +
                "Either install PostgreSQL (e.g. `apt-get install postgresql`), " +
                "or set ETL_PG_BIN to the directory that contains initdb, " +
                "or run `docker compose up -d` and set ConnectionStrings__Warehouse to use that server instead.");
    }

    private static bool HasAllPrograms(string directory) =>
        RequiredPrograms.All(program => File.Exists(Path.Combine(directory, program)));

    private static IEnumerable<string> PathDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(Path.IsPathFullyQualified);

    private static IEnumerable<string> DebianVersionDirectories()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(root)
            .OrderByDescending(dir => decimal.TryParse(Path.GetFileName(dir), NumberStyles.Number, CultureInfo.InvariantCulture, out var version) ? version : -1)
            .Select(dir => Path.Combine(dir, "bin"));
    }
}
