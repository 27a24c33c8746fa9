-- etl export --since: the papers whose latest version arXiv dates (papers.updated_at) at or after @since,
-- and the authors who sign them. Every file of the export narrows its rows to these (ExportSession), in
-- the export's one snapshot. This is not a change feed: updated_at is arXiv's time, not the warehouse's,
-- so a paper whose warehouse row changed without a new version (a later-loaded digest, a display name
-- that changed) is not selected, and a paper whose time is unknown (known only from listings) never is.
CREATE TEMP TABLE export_papers (arxiv_id text PRIMARY KEY) ON COMMIT DROP;
CREATE TEMP TABLE export_authors (author_key text PRIMARY KEY) ON COMMIT DROP;
INSERT INTO export_papers SELECT arxiv_id FROM warehouse.papers WHERE updated_at >= @since;
INSERT INTO export_authors
SELECT DISTINCT pa.author_key
FROM warehouse.paper_authors pa
JOIN export_papers s ON s.arxiv_id = pa.arxiv_id;
ANALYZE export_papers;
ANALYZE export_authors;
