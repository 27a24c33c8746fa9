-- Data-quality figures as (metric, detail, value) rows. Generic over formats: every format present in
-- the loaded digests gets its own rows, so a new format needs no change here.
--
-- Texts are compared by a 64-bit hash of title and abstract (hashtextextended): a collision would
-- undercount a difference by one, with odds far below one in a billion at this size.
CREATE OR REPLACE VIEW report.data_quality AS
WITH formats AS (
    SELECT DISTINCT format FROM warehouse.digests WHERE format IS NOT NULL
),
only_from AS (
    SELECT min(format) AS format FROM warehouse.evidence GROUP BY arxiv_id HAVING count(DISTINCT format) = 1
),
-- The version each entry speaks for: named by the entry, or assigned by reconciliation.
texts AS MATERIALIZED (
    SELECT e.digest_id, e.arxiv_id, coalesce(e.version, cv.version) AS version, e.format,
           hashtextextended(coalesce(e.title, '') || E'\n' || coalesce(e.abstract, ''), 0) AS text_hash
    FROM warehouse.evidence e
    LEFT JOIN warehouse.compact_versions cv ON cv.digest_id = e.digest_id AND cv.line = e.line
),
version_texts AS MATERIALIZED (
    SELECT DISTINCT arxiv_id, version, format, text_hash FROM texts WHERE version IS NOT NULL
),
-- Per version and format, the distinct texts seen; two formats differ on a version when they share none.
format_texts AS MATERIALIZED (
    SELECT arxiv_id, version, format, array_agg(text_hash) AS hashes FROM version_texts GROUP BY 1, 2, 3
)
SELECT 'papers_only_from_' || f.format AS metric, NULL::text AS detail,
       (SELECT count(*) FROM only_from o WHERE o.format = f.format) AS value
FROM formats f
UNION ALL
SELECT 'rejected_files', NULL, count(*) FROM warehouse.digests WHERE outcome = 'rejected'
UNION ALL
SELECT 'rejected_entries', NULL, count(*) FROM warehouse.rejections r
JOIN warehouse.digests d ON d.digest_id = r.digest_id WHERE d.outcome <> 'rejected'
UNION ALL
-- By reason, with quoted values (the offending text) folded so that one reason is one row.
(SELECT 'rejected_entries_by_reason', regexp_replace(r.reason, '''[^'']*''', '''…''', 'g'), count(*)
 FROM warehouse.rejections r
 JOIN warehouse.digests d ON d.digest_id = r.digest_id
 WHERE d.outcome <> 'rejected'
 GROUP BY 2)
UNION ALL
SELECT 'duplicate_entries_within_a_file', NULL,
       (SELECT count(*) FROM texts) - (SELECT count(*) FROM (SELECT DISTINCT digest_id, arxiv_id FROM texts) per_file)
UNION ALL
SELECT 'versions_seen_with_different_texts', format,
       count(*) FILTER (WHERE cardinality(hashes) > 1) FROM format_texts
GROUP BY format
UNION ALL
SELECT 'cross_format_versions_with_different_texts', fa.format || ' vs ' || fb.format,
       (SELECT count(*)
        FROM format_texts a
        JOIN format_texts b ON b.arxiv_id = a.arxiv_id AND b.version = a.version
        WHERE a.format = fa.format AND b.format = fb.format AND NOT a.hashes && b.hashes)
FROM formats fa
JOIN formats fb ON fb.format > fa.format;

COMMENT ON VIEW report.data_quality IS 'Data-quality figures: papers known from one format only, rejected files and entries (by reason), duplicate entries within a file, versions seen with different texts, cross-format versions whose texts differ.';
COMMENT ON COLUMN report.data_quality.metric IS 'papers_only_from_<format>, rejected_files, rejected_entries, rejected_entries_by_reason, duplicate_entries_within_a_file, versions_seen_with_different_texts, cross_format_versions_with_different_texts.';
COMMENT ON COLUMN report.data_quality.detail IS 'The reason (quoted values folded to …), the format, or the pair of formats (''compact vs detailed''); null when the metric has no breakdown.';
COMMENT ON COLUMN report.data_quality.value IS 'The count.';
