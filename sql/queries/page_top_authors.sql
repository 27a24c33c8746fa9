-- Chart "top authors": the 15 authors with the most papers (ties by name).
SELECT display_name, papers
FROM report.authors
ORDER BY papers DESC, display_name COLLATE "C", author_key COLLATE "C"
LIMIT 15;
