-- Contract view (docs/data-contract.md): one row per paper. The warehouse's row, with the author display
-- names (in author order) and categories (byte order) that report_store.paper_lists keeps for it
-- (sql/schema/006_report_store.sql): aggregating the link tables for every row took 3.3 s at 200,000 papers.
-- primary_category, categories and published_at are read from the lists too (their copies there,
-- sql/schema/013_report_at_scale.sql), so a query by category and month filters the narrow rows by their
-- index before it reads any title or abstract; every paper has its row of lists.
--
-- Each committed row of paper_lists has its paper and each paper its row of lists (the loader writes both
-- in one transaction, refresh_paper_lists.sql), so the join is written LEFT: it then returns the same
-- rows, and PostgreSQL drops it from a query that reads only the lists' columns (the papers of a category
-- and month, as the subquery of a query of report.paper_versions or report.revisions) instead of
-- looking up every paper's row for nothing.
CREATE OR REPLACE VIEW report.papers AS
SELECT l.arxiv_id,
       report_store.serial_plan(p.latest_version) AS latest_version,  -- never a parallel plan (sql/schema/015_serial_views.sql)
       p.title,
       p.abstract,
       l.authors,
       l.primary_category,
       l.categories,
       l.published_at,
       p.updated_at,
       p.doi,
       p.journal_ref,
       p.comment
FROM report_store.paper_lists l
LEFT JOIN warehouse.papers p ON p.arxiv_id = l.arxiv_id;

COMMENT ON VIEW report.papers IS 'One row per arXiv paper as reconciled from every digest loaded: latest fields, display-name authors, categories sorted by code.';
COMMENT ON COLUMN report.papers.arxiv_id IS 'arXiv identifier without version: 2009.14721 (new style) or cs/9810003 (old style).';
COMMENT ON COLUMN report.papers.latest_version IS 'Highest version any digest named (1 when only listings without versions know the paper).';
COMMENT ON COLUMN report.papers.title IS 'Title of the highest version with detailed text; else of the highest version with compact text.';
COMMENT ON COLUMN report.papers.abstract IS 'Abstract from the same entry as the title.';
COMMENT ON COLUMN report.papers.authors IS 'Author display names in author order (each the most frequent spelling of that person); empty when no detailed digest listed the paper.';
COMMENT ON COLUMN report.papers.primary_category IS 'Primary arXiv category; null when no detailed digest listed the paper.';
COMMENT ON COLUMN report.papers.categories IS 'Every category of the paper, sorted by code in byte order.';
COMMENT ON COLUMN report.papers.published_at IS 'Submission time of v1 (UTC); null when unknown.';
COMMENT ON COLUMN report.papers.updated_at IS 'Submission time of the latest version (UTC); null when unknown.';
COMMENT ON COLUMN report.papers.doi IS 'DOI, when a detailed digest gave one.';
COMMENT ON COLUMN report.papers.journal_ref IS 'Journal reference, when given.';
COMMENT ON COLUMN report.papers.comment IS 'The authors'' comment (pages, figures, venue), when given.';
