-- papers.parquet: one row per paper, every column of the contract view report.papers (authors and
-- categories as lists). No ORDER BY: sorting 200,000 abstracts would cost more than the export itself,
-- and Parquet readers sort as they like.
SELECT * FROM report.papers
