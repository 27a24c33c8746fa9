-- paper_authors.parquet: one row per author of each paper, in author order: the link between
-- papers.parquet (arxiv_id) and authors.parquet (author_key), which report.papers' lists of display
-- names cannot give.
SELECT pa.arxiv_id,
       pa.position,
       pa.author_key,
       a.display_name
FROM warehouse.paper_authors pa
JOIN warehouse.authors a ON a.author_key = pa.author_key
