-- refresh_paper_quality.sql for a batch whose touched papers each have exactly one evidence entry, old or
-- new (ReportStore chooses it from the facts reconciliation read: as many entries as papers), such as a
-- file of papers no earlier file brought. One entry has one format, no duplicate, and nothing to conflict
-- or differ with, so its facts need none of the general script's comparisons; the rows are the ones that
-- script gives such papers (DataQualityStoreTests compares the two), for a fraction of its cost, planning
-- included.

DELETE FROM report_store.paper_quality WHERE arxiv_id IN (SELECT arxiv_id FROM touched_papers);

INSERT INTO report_store.paper_quality (arxiv_id, formats, duplicate_entries, conflicting_formats, differing_formats)
SELECT e.arxiv_id, ARRAY[e.format], 0, '{}', '{}'
FROM warehouse.evidence e
WHERE e.arxiv_id IN (SELECT arxiv_id FROM touched_papers);
