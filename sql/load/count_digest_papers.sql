-- Stores the paper counts of the batch's new digests (@digest_ids) for report.digests, once their
-- evidence is in (invariants: sql/report/digest_papers.sql). Only the batch's touched papers can have
-- their first listing in one of its digests, so only they are looked up in the rest of the evidence.
INSERT INTO report_store.digest_papers (digest_id, listed_papers, new_papers)
WITH listed AS (
    SELECT digest_id, count(DISTINCT arxiv_id) AS papers
    FROM warehouse.evidence
    WHERE digest_id = ANY (@digest_ids)
    GROUP BY digest_id
),
first_listed AS (
    SELECT f.digest_id, count(*) AS papers
    FROM touched_papers t
    CROSS JOIN LATERAL (SELECT min(e.digest_id) AS digest_id FROM warehouse.evidence e WHERE e.arxiv_id = t.arxiv_id) f
    WHERE f.digest_id = ANY (@digest_ids)
    GROUP BY f.digest_id
)
SELECT d.digest_id, coalesce(l.papers, 0), coalesce(f.papers, 0)
FROM warehouse.digests d
LEFT JOIN listed l ON l.digest_id = d.digest_id
LEFT JOIN first_listed f ON f.digest_id = d.digest_id
WHERE d.digest_id = ANY (@digest_ids);
