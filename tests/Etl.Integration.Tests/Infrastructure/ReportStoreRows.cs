namespace Etl.Integration.Tests.Infrastructure;

/// <summary>
/// Everything the loader keeps beside the papers' own tables (the author store, the per-digest and
/// per-paper lists, the search store) as one sorted text, for comparing two warehouses that should hold
/// the same report store.
/// </summary>
internal static class ReportStoreRows
{
    public const string Query = """
        SELECT string_agg(row, E'\n' ORDER BY row) FROM (
            SELECT format('%s|%s|%s|%s|%s|%s|%s', author_key, display_name, papers, first_paper_date, last_paper_date, coauthors, top_categories) AS row FROM report.authors
            UNION ALL
            SELECT format('%s|%s|%s|%s|%s', author_key_a, author_key_b, joint_papers, first_joint_date, last_joint_date) FROM report.coauthorships
            UNION ALL
            -- by content, and without new_papers: those follow the order the files were loaded in
            SELECT format('%s|%s', encode(d.sha256, 'hex'), p.listed_papers) FROM report_store.digest_papers p JOIN warehouse.digests d USING (digest_id)
            UNION ALL
            SELECT format('%s|%s|%s', arxiv_id, authors, categories) FROM report_store.paper_lists
            UNION ALL
            SELECT format('%s|%s|%s|%s|%s', arxiv_id, categories, published_at, document, authors) FROM report_store.paper_search) r
        """;
}
