-- report.data_quality gains the metric mojibake_repairs (warehouse.digests.mojibake_repairs, added by
-- sql/schema/006_reporting_performance.sql). The figures of sql/report/data_quality.sql move unchanged
-- into report_store.data_quality_base, and report.data_quality appends the new row to them, so the
-- long definition is written once.
ALTER VIEW report.data_quality SET SCHEMA report_store;
ALTER VIEW report_store.data_quality RENAME TO data_quality_base;

CREATE VIEW report.data_quality AS
SELECT metric, detail, value FROM report_store.data_quality_base
UNION ALL
-- Words of accepted files that the parser repaired (UTF-8 once decoded as Windows-1252 or Mac Roman).
SELECT 'mojibake_repairs', NULL, coalesce(sum(mojibake_repairs), 0)::bigint FROM warehouse.digests WHERE outcome <> 'rejected';

COMMENT ON VIEW report.data_quality IS 'Data-quality figures: papers known from one format only, rejected files and entries (by reason), duplicate entries within a file, versions seen with different texts, cross-format versions whose texts differ, mojibake repairs.';
COMMENT ON COLUMN report.data_quality.metric IS 'papers_only_from_<format>, rejected_files, rejected_entries, rejected_entries_by_reason, duplicate_entries_within_a_file, versions_seen_with_different_texts, cross_format_versions_with_different_texts, mojibake_repairs.';
COMMENT ON COLUMN report.data_quality.detail IS 'The reason (quoted values folded to …), the format, or the pair of formats (''compact vs detailed''); null when the metric has no breakdown.';
COMMENT ON COLUMN report.data_quality.value IS 'The count.';
