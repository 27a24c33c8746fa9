-- versions.parquet: one row per known version of each paper, the contract view report.paper_versions.
SELECT * FROM report.paper_versions
