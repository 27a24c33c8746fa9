-- Recounts report_store.digest_papers for every digest from all of the evidence (invariants:
-- sql/schema/009_report_store_digests.sql): etl rebuild and reparse, whose new evidence may move a paper's first
-- listing, and the migration that creates the table.
DELETE FROM report_store.digest_papers;

INSERT INTO report_store.digest_papers (digest_id, listed_papers, new_papers)
WITH first_listed AS (
    SELECT digest_id, count(*) AS papers
    FROM (SELECT min(digest_id) AS digest_id FROM warehouse.evidence GROUP BY arxiv_id) f
    GROUP BY digest_id
),
listed AS (
    SELECT digest_id, count(DISTINCT arxiv_id) AS papers FROM warehouse.evidence GROUP BY digest_id
)
SELECT d.digest_id, coalesce(l.papers, 0), coalesce(f.papers, 0)
FROM warehouse.digests d
LEFT JOIN listed l ON l.digest_id = d.digest_id
LEFT JOIN first_listed f ON f.digest_id = d.digest_id;
