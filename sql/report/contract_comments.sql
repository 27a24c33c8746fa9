-- Column descriptions of the contract views (docs/data-contract.md), for analysts and BI tools.
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

COMMENT ON VIEW report.paper_versions IS 'One row per known version of each paper: its submission time and its own title and abstract.';
COMMENT ON COLUMN report.paper_versions.arxiv_id IS 'arXiv identifier without version.';
COMMENT ON COLUMN report.paper_versions.version IS 'Version number: 1 and every version a detailed digest named (versions in between are not invented).';
COMMENT ON COLUMN report.paper_versions.submitted_at IS 'When this version was submitted (UTC); null when unknown.';
COMMENT ON COLUMN report.paper_versions.title IS 'This version''s own title; null when no digest showed its text.';
COMMENT ON COLUMN report.paper_versions.abstract IS 'This version''s own abstract; null when no digest showed its text.';
COMMENT ON COLUMN report.paper_versions.source IS 'Format of the digest entry the text comes from (detailed, compact, …); null when known only by its timestamp.';
