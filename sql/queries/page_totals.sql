-- The page's headline figures.
SELECT (SELECT count(*) FROM report.papers) AS papers,
       (SELECT count(*) FROM report.paper_versions) AS versions,
       (SELECT count(*) FROM report.authors) AS authors,
       (SELECT count(*) FROM report.digests) AS digests,
       (SELECT max(loaded_at) FROM report.digests) AS last_load;
