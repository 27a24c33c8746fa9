-- authors.parquet: one row per author, report.authors (figures over the whole warehouse, also when
-- --since narrows the file to the authors of the exported papers).
SELECT * FROM report.authors
