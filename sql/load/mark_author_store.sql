-- The batch's papers wait in report_store.dirty_papers for the drain at the end of the load
-- (sql/report/author_store.sql); recorded in the batch's transaction, so a crash never loses them.
INSERT INTO report_store.dirty_papers (arxiv_id)
SELECT arxiv_id FROM touched_papers
ON CONFLICT (arxiv_id) DO NOTHING;
