-- Chart "data quality": every figure of report.data_quality.
SELECT metric || coalesce(' (' || detail || ')', '') AS label, value
FROM report.data_quality
ORDER BY metric, detail;
