namespace Etl.Tests;

/// <summary>
/// The shared sample corpus that sits beside the project as <c>../shared/samples</c> on development and
/// CI machines (never inside the repository). Tests that need it are skipped, with this reason, when it is absent.
/// </summary>
internal static class SharedSamples
{
    public const string MissingReason = "../shared/samples is not beside the project (a fresh clone has no shared corpus); set ETL_SHARED_SAMPLES to its path to run this test";

    public static string? Root { get; } = Locate();

    public static bool Available => Root is not null;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Folder(string name) =>
        Path.Combine(Root ?? throw new InvalidOperationException(MissingReason), name);

    /// <summary>
    /// The source files of one sample folder and its subfolders (what a load walks for: <c>*.md</c>, <c>*.txt</c>,
    /// <c>*.jsonl</c>, <c>*.json</c>…), in ordinal path order.
    /// </summary>
    public static string[] Files(string name) =>
        [.. Directory.GetFiles(Folder(name), "*", SearchOption.AllDirectories)
            .Where(Etl.Core.Model.SourceFormats.IsWalkedFor)
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The expected warehouse of a sample folder (<c>expected/{name}.jsonl</c>): <c>snapshot/real</c> is
    /// <c>snapshot.jsonl</c> and <c>snapshot/overlap</c> is <c>snapshot-overlap.jsonl</c>.
    /// </summary>
    public static string[] Expected(string name) =>
        File.ReadAllLines(Path.Combine(Folder("expected"), name switch
        {
            "snapshot/real" => "snapshot",
            "snapshot/overlap" => "snapshot-overlap",
            _ => name,
        } + ".jsonl"));

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("ETL_SHARED_SAMPLES");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }

        var beside = Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "..", "shared", "samples"));
        return Directory.Exists(beside) ? beside : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Etl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Etl.sln above {AppContext.BaseDirectory}; run the tests from the repository");
    }
}
