-- Keeps report_store.paper_quality current (sql/schema/006_report_store.sql) after apply_papers.sql, in
-- the same transaction: a paper's quality facts depend only on its own evidence and on the versions
-- reconciliation assigned its dated entries, which change only for the papers a batch touches.
-- Reconciliation has just read all of their evidence, so it computed their facts too (PaperQuality, from a
-- hash of each entry's texts) and staged them in staged_quality: one row per touched paper that has
-- evidence. refresh_paper_quality.sql is the same facts' definition in SQL; DataQualityStoreTests checks
-- that the two agree after every load.
DELETE FROM report_store.paper_quality WHERE arxiv_id IN (SELECT arxiv_id FROM touched_papers);

INSERT INTO report_store.paper_quality (arxiv_id, formats, duplicate_entries, conflicting_formats, differing_formats)
SELECT arxiv_id, formats, duplicate_entries, conflicting_formats, differing_formats FROM staged_quality;
