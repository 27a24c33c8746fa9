-- The batch's papers wait in report_store.dirty_papers, and the authors whose display name it changed
-- (renamed_authors, staged by AuthorNames before apply_papers.sql) in report_store.dirty_authors, for the
-- drain at the end of the load (sql/schema/008_author_store.sql). Recorded in the batch's transaction, so a
-- crash never loses them.
INSERT INTO report_store.dirty_papers (arxiv_id)
SELECT arxiv_id FROM touched_papers
ON CONFLICT (arxiv_id) DO NOTHING;

INSERT INTO report_store.dirty_authors (author_key)
SELECT author_key FROM renamed_authors
ON CONFLICT (author_key) DO NOTHING;
