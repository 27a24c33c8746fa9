-- Per author (identity key, see docs/data-contract.md). Dates are UTC days of v1 submission. Read from
-- the author store (sql/schema/008_author_store.sql), which the loader keeps current once per load:
-- aggregating the 800,000 author links on every query took 10-34 s at 200,000 papers.
CREATE OR REPLACE VIEW report.authors AS
SELECT author_key, display_name, papers, first_paper_date, last_paper_date, coauthors, top_categories
FROM report_store.author_stats;

COMMENT ON VIEW report.authors IS 'Per author: display name, papers, first and last paper dates, distinct coauthors, and the most frequent primary categories of their papers.';
COMMENT ON COLUMN report.authors.author_key IS 'Identity of the person: NFKD, no accents, lowercase, non-word runs as one space (see docs/data-contract.md).';
COMMENT ON COLUMN report.authors.display_name IS 'The most frequent spelling of the name across detailed and listing entries and snapshot records.';
COMMENT ON COLUMN report.authors.papers IS 'Papers the author signs (latest author list of each paper).';
COMMENT ON COLUMN report.authors.first_paper_date IS 'UTC day of v1 of the author''s earliest paper.';
COMMENT ON COLUMN report.authors.last_paper_date IS 'UTC day of v1 of the author''s latest paper.';
COMMENT ON COLUMN report.authors.coauthors IS 'Distinct people who signed at least one paper with the author.';
COMMENT ON COLUMN report.authors.top_categories IS 'Up to three primary categories of the author''s papers, most papers first (ties by code).';
