namespace Etl.Core.Model;

/// <summary>
/// The source formats the loader reads. What each one is, how it ranks and which parser reads it is
/// listed once, in <see cref="SourceFormats"/>.
/// </summary>
public enum DigestFormat
{
    /// <summary><c># Arxiv Papers in cs.CV on 2020-09-30</c>: one <c>### title</c> block of fields per paper.</summary>
    Detailed,

    /// <summary><c># ArXiv cs.CV --Thu, 1 Oct 2020</c>: numbered titles, PDF link and the v1 abstract.</summary>
    Compact,

    /// <summary><c>2025-03-19.jsonl</c>: one JSON object per paper with every author, every category and the abstract, no version.</summary>
    Listing,

    /// <summary>
    /// arXiv's metadata snapshot (<c>arxiv-metadata-oai-snapshot.json</c>): one JSON record per paper with every
    /// version's timestamp and the text of its highest version. Each record ranks by its own <c>update_date</c>
    /// and the sha256 of its own line, so the same record in two snapshots is the same evidence.
    /// </summary>
    Snapshot,
}
