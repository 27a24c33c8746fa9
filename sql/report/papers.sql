-- Contract view: one row per paper. authors are display names in author order; categories are
-- sorted by code in byte order (COLLATE "C"), whatever the database's default collation is.
CREATE OR REPLACE VIEW report.papers AS
SELECT p.arxiv_id,
       p.latest_version,
       p.title,
       p.abstract,
       coalesce((SELECT array_agg(a.display_name ORDER BY pa.position)
                 FROM warehouse.paper_authors pa
                 JOIN warehouse.authors a ON a.author_key = pa.author_key
                 WHERE pa.arxiv_id = p.arxiv_id), '{}'::text[]) AS authors,
       p.primary_category,
       coalesce((SELECT array_agg(pc.code ORDER BY pc.code COLLATE "C")
                 FROM warehouse.paper_categories pc
                 WHERE pc.arxiv_id = p.arxiv_id), '{}'::text[]) AS categories,
       p.published_at,
       p.updated_at,
       p.doi,
       p.journal_ref,
       p.comment
FROM warehouse.papers p;

COMMENT ON VIEW report.papers IS 'One row per arXiv paper as reconciled from every digest loaded: latest fields, display-name authors, categories sorted by code.';
