-- The definition of report_store.paper_quality (sql/schema/006_report_store.sql) in SQL, for the papers in
-- touched_papers: the migration that made the store filled it with this script, and the tests compare the
-- store with it. A load computes the same rows in the client, from the facts reconciliation reads anyway
-- (PaperQuality, staged by PaperRebuild and written by apply_paper_quality.sql), instead of reading every
-- touched paper's evidence a second time here (7.6 of the 8 s this script took in a 200,000-paper
-- backfill). The quality facts of a paper depend only on its own evidence and on the version each
-- dated entry speaks for (compact_versions).
--
-- Texts are compared by a 64-bit hash of title and abstract (hashtextextended): a collision would hide
-- one difference, with odds far below one in a billion at this size.

DELETE FROM report_store.paper_quality WHERE arxiv_id IN (SELECT arxiv_id FROM touched_papers);

INSERT INTO report_store.paper_quality (arxiv_id, formats, duplicate_entries, conflicting_formats, differing_formats)
WITH texts AS MATERIALIZED (
    -- The version each entry speaks for: named by the entry, or assigned by reconciliation.
    SELECT e.digest_id, e.arxiv_id, coalesce(e.version, cv.version) AS version, e.format,
           hashtextextended(coalesce(e.title, '') || E'\n' || coalesce(e.abstract, ''), 0) AS text_hash
    FROM warehouse.evidence e
    LEFT JOIN warehouse.compact_versions cv ON cv.digest_id = e.digest_id AND cv.line = e.line
    WHERE e.arxiv_id = ANY (ARRAY(SELECT arxiv_id FROM touched_papers))  -- index scans, whatever the statistics (see paper_search_delta.sql)
),
version_texts AS MATERIALIZED (
    SELECT DISTINCT arxiv_id, version, format, text_hash FROM texts WHERE version IS NOT NULL
),
per_paper AS (
    SELECT arxiv_id, array_agg(DISTINCT format ORDER BY format) AS formats,
           (count(*) - count(DISTINCT digest_id))::integer AS duplicate_entries
    FROM texts
    GROUP BY arxiv_id
),
-- One element per version on which entries of one format disagree.
conflicting AS (
    SELECT arxiv_id, array_agg(format ORDER BY format) AS formats
    FROM (SELECT arxiv_id, format FROM version_texts GROUP BY arxiv_id, version, format HAVING count(*) > 1) c
    GROUP BY arxiv_id
),
-- Pairs of formats that both have a text for a version, minus the pairs that share one of those texts.
-- Pairs come from unnesting small per-version arrays, never from a self-join of the version list.
differing AS (
    SELECT v.arxiv_id, v.version, a.format AS format_a, b.format AS format_b
    FROM (SELECT arxiv_id, version, array_agg(DISTINCT format) AS formats FROM version_texts GROUP BY 1, 2) v,
         unnest(v.formats) AS a (format), unnest(v.formats) AS b (format)
    WHERE a.format < b.format
    EXCEPT
    SELECT t.arxiv_id, t.version, a.format, b.format
    FROM (SELECT arxiv_id, version, array_agg(DISTINCT format) AS formats FROM version_texts GROUP BY arxiv_id, version, text_hash) t,
         unnest(t.formats) AS a (format), unnest(t.formats) AS b (format)
    WHERE a.format < b.format
),
differing_per_paper AS (
    SELECT arxiv_id, array_agg(format_a || ' vs ' || format_b ORDER BY format_a, format_b) AS pairs
    FROM differing
    GROUP BY arxiv_id
)
SELECT p.arxiv_id, p.formats, p.duplicate_entries, coalesce(c.formats, '{}'), coalesce(d.pairs, '{}')
FROM per_paper p
LEFT JOIN conflicting c ON c.arxiv_id = p.arxiv_id
LEFT JOIN differing_per_paper d ON d.arxiv_id = p.arxiv_id;
