-- paper_authors.parquet: the rows of report.paper_authors (one per author of each paper, in author order).
SELECT * FROM report.paper_authors
