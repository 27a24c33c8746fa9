-- The ingest log: one row per distinct file content offered to the loader. A paper is new in the first
-- digest (in load order, digest_id) that listed it and updated in every later one. The counts are stored
-- per digest when its batch loads (report_store.digest_papers, sql/schema/009_report_store_digests.sql):
-- a digest whose counts are not stored yet (its batch has not committed) is not visible here either,
-- since both commit together.
CREATE OR REPLACE VIEW report.digests AS
SELECT d.digest_id,
       d.path AS file,
       d.format,
       d.category,
       d.digest_date,
       d.entries,
       coalesce(c.new_papers, 0) AS new_papers,
       coalesce(c.listed_papers - c.new_papers, 0) AS papers_updated,
       d.rejected_entries,
       d.outcome,
       d.loaded_at
FROM warehouse.digests d
LEFT JOIN report_store.digest_papers c ON c.digest_id = d.digest_id;

COMMENT ON VIEW report.digests IS 'The ingest log: per distinct file content, its format, category, date, entries, papers it brought first, papers it updated, rejected entries and when it was loaded.';
COMMENT ON COLUMN report.digests.digest_id IS 'Load order: a higher id was loaded later (or later in the same batch).';
COMMENT ON COLUMN report.digests.file IS 'Path under which the content was first loaded.';
COMMENT ON COLUMN report.digests.format IS 'Format of the file (detailed, compact, listing, snapshot); null for a file rejected whole.';
COMMENT ON COLUMN report.digests.category IS 'Category the digest header names.';
COMMENT ON COLUMN report.digests.digest_date IS 'Date the digest header names.';
COMMENT ON COLUMN report.digests.entries IS 'Accepted entries.';
COMMENT ON COLUMN report.digests.new_papers IS 'Papers no earlier-loaded digest had listed.';
COMMENT ON COLUMN report.digests.papers_updated IS 'Papers of this digest that an earlier-loaded digest had already listed.';
COMMENT ON COLUMN report.digests.rejected_entries IS 'Entries rejected (reasons in report.data_quality and warehouse.rejections).';
COMMENT ON COLUMN report.digests.outcome IS 'loaded, loaded_with_rejections, or rejected (not a digest).';
COMMENT ON COLUMN report.digests.loaded_at IS 'When the batch holding this file committed.';
