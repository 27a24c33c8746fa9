-- The ingest log: one row per distinct file content offered to the loader. A paper is new in the first
-- digest (in load order, digest_id) that listed it and updated in every later one.
CREATE OR REPLACE VIEW report.digests AS
WITH first_seen AS (
    SELECT arxiv_id, min(digest_id) AS digest_id FROM warehouse.evidence GROUP BY arxiv_id
),
new_papers AS (
    SELECT digest_id, count(*) AS papers FROM first_seen GROUP BY digest_id
),
listed AS (
    SELECT digest_id, count(DISTINCT arxiv_id) AS papers FROM warehouse.evidence GROUP BY digest_id
)
SELECT d.digest_id,
       d.path AS file,
       d.format,
       d.category,
       d.digest_date,
       d.entries,
       coalesce(n.papers, 0)::integer AS new_papers,
       (coalesce(l.papers, 0) - coalesce(n.papers, 0))::integer AS papers_updated,
       d.rejected_entries,
       d.outcome,
       d.loaded_at
FROM warehouse.digests d
LEFT JOIN new_papers n ON n.digest_id = d.digest_id
LEFT JOIN listed l ON l.digest_id = d.digest_id;

COMMENT ON VIEW report.digests IS 'The ingest log: per distinct file content, its format, category, date, entries, papers it brought first, papers it updated, rejected entries and when it was loaded.';
COMMENT ON COLUMN report.digests.digest_id IS 'Load order: a higher id was loaded later (or later in the same batch).';
COMMENT ON COLUMN report.digests.file IS 'Path under which the content was first loaded.';
COMMENT ON COLUMN report.digests.format IS 'Digest format (detailed, compact, …); null for a file rejected as not a digest.';
COMMENT ON COLUMN report.digests.category IS 'Category the digest header names.';
COMMENT ON COLUMN report.digests.digest_date IS 'Date the digest header names.';
COMMENT ON COLUMN report.digests.entries IS 'Accepted entries.';
COMMENT ON COLUMN report.digests.new_papers IS 'Papers no earlier-loaded digest had listed.';
COMMENT ON COLUMN report.digests.papers_updated IS 'Papers of this digest that an earlier-loaded digest had already listed.';
COMMENT ON COLUMN report.digests.rejected_entries IS 'Entries rejected (reasons in report.data_quality and warehouse.rejections).';
COMMENT ON COLUMN report.digests.outcome IS 'loaded, loaded_with_rejections, or rejected (not a digest).';
COMMENT ON COLUMN report.digests.loaded_at IS 'When the batch holding this file committed.';
