namespace Etl.Migrations;

/// <summary>
/// How a migration fills a report store for the papers already loaded: with the loader's own refresh
/// scripts (<c>sql/load</c>), after these scratch tables of a batch say that every paper was touched
/// (with the versions it has), that every author's name is the one staged, and that no author was renamed.
/// </summary>
internal static class StoreFill
{
    /// <summary>The load lock (so no load writes papers meanwhile) and a batch's work_mem, for the rest of the migration's transaction.</summary>
    public const string UnderLoadLock = "SELECT pg_advisory_xact_lock(7461002001); SET LOCAL work_mem = '256MB';";

    /// <summary>The scratch tables the refresh scripts read, as if one batch had touched every paper.</summary>
    public const string EveryPaperTouched = """
        CREATE TEMP TABLE touched_papers ON COMMIT DROP AS SELECT arxiv_id FROM warehouse.papers;
        CREATE TEMP TABLE staged_versions ON COMMIT DROP AS SELECT arxiv_id, version, submitted_at FROM warehouse.paper_versions;
        CREATE TEMP TABLE staged_authors ON COMMIT DROP AS SELECT author_key, display_name FROM warehouse.authors;
        CREATE TEMP TABLE renamed_authors (author_key text NOT NULL) ON COMMIT DROP;
        """;
}
