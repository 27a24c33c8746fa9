-- Data-quality figures as (metric, detail, value) rows. Generic over formats: every format present in
-- the loaded digests gets its own rows, so a new format needs no change here.
--
-- The per-paper facts that need every evidence text (formats, duplicates, differing versions) are read
-- from report_store.paper_quality (sql/schema/006_report_store.sql), kept by the loader for the papers
-- each batch touches (sql/load/refresh_paper_quality.sql); aggregating the whole evidence on every query
-- took seconds. Mojibake repairs are counted per digest while parsing (warehouse.digests.mojibake_repairs).
CREATE OR REPLACE VIEW report.data_quality AS
WITH formats AS (
    SELECT DISTINCT format FROM warehouse.digests WHERE format IS NOT NULL
),
only_from AS (
    SELECT formats[1] AS format, count(*) AS papers FROM report_store.paper_quality WHERE cardinality(formats) = 1 GROUP BY 1
),
conflicting AS (
    SELECT format, count(*) AS versions FROM report_store.paper_quality, unnest(conflicting_formats) AS format GROUP BY format
),
differing AS (
    SELECT pair, count(*) AS versions FROM report_store.paper_quality, unnest(differing_formats) AS pair GROUP BY pair
)
SELECT 'papers_only_from_' || f.format AS metric, NULL::text AS detail, coalesce(o.papers, 0) AS value
FROM formats f LEFT JOIN only_from o ON o.format = f.format
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
SELECT 'duplicate_entries_within_a_file', NULL, coalesce(sum(duplicate_entries), 0)::bigint FROM report_store.paper_quality
UNION ALL
SELECT 'versions_seen_with_different_texts', f.format, coalesce(c.versions, 0)
FROM formats f LEFT JOIN conflicting c ON c.format = f.format
UNION ALL
SELECT 'cross_format_versions_with_different_texts', fa.format || ' vs ' || fb.format, coalesce(d.versions, 0)
FROM formats fa
JOIN formats fb ON fb.format > fa.format
LEFT JOIN differing d ON d.pair = fa.format || ' vs ' || fb.format
UNION ALL
-- Words of accepted files that the parser repaired (UTF-8 once decoded as Windows-1252 or Mac Roman).
SELECT 'mojibake_repairs', NULL, coalesce(sum(mojibake_repairs), 0)::bigint FROM warehouse.digests WHERE outcome <> 'rejected'
UNION ALL
-- Large collaborations form no co-author pairs (report_store.settings.pair_author_limit, etl rebuild applies a
-- change): how many papers the pairs of report.coauthorships and report.authors.coauthors leave out.
SELECT 'papers_left_out_of_coauthor_pairs', 'more than ' || s.pair_author_limit || ' authors', count(k.arxiv_id)
FROM report_store.settings s
LEFT JOIN report_store.paper_author_keys k ON cardinality(k.author_keys) > s.pair_author_limit
GROUP BY s.pair_author_limit;

COMMENT ON VIEW report.data_quality IS 'Data-quality figures: papers known from one format only, rejected files and entries (by reason), duplicate entries within a file, versions seen with different texts, cross-format versions whose texts differ, mojibake repairs, papers left out of the co-author pairs.';
COMMENT ON COLUMN report.data_quality.metric IS 'papers_only_from_<format>, rejected_files, rejected_entries, rejected_entries_by_reason, duplicate_entries_within_a_file, versions_seen_with_different_texts, cross_format_versions_with_different_texts, mojibake_repairs, papers_left_out_of_coauthor_pairs.';
COMMENT ON COLUMN report.data_quality.detail IS 'The reason (quoted values folded to …), the format, or the pair of formats (''compact vs detailed''); null when the metric has no breakdown.';
COMMENT ON COLUMN report.data_quality.value IS 'The count.';
