-- Per pair of authors who wrote at least one paper together; each pair once, author_key_a < author_key_b
-- in byte order. Dates are UTC days of v1 submission.
CREATE OR REPLACE VIEW report.coauthorships AS
SELECT j.author_key_a,
       a.display_name AS display_name_a,
       j.author_key_b,
       b.display_name AS display_name_b,
       j.joint_papers,
       j.first_joint_date,
       j.last_joint_date
FROM (SELECT x.author_key AS author_key_a, y.author_key AS author_key_b, count(*)::integer AS joint_papers,
             min((p.published_at AT TIME ZONE 'UTC')::date) AS first_joint_date,
             max((p.published_at AT TIME ZONE 'UTC')::date) AS last_joint_date
      -- a name listed twice on one paper ("M. D." as a title) counts once
      FROM (SELECT DISTINCT arxiv_id, author_key FROM warehouse.paper_authors) x
      JOIN (SELECT DISTINCT arxiv_id, author_key FROM warehouse.paper_authors) y ON y.arxiv_id = x.arxiv_id AND y.author_key COLLATE "C" > x.author_key COLLATE "C"
      JOIN warehouse.papers p ON p.arxiv_id = x.arxiv_id
      GROUP BY x.author_key, y.author_key) j
JOIN warehouse.authors a ON a.author_key = j.author_key_a
JOIN warehouse.authors b ON b.author_key = j.author_key_b;

COMMENT ON VIEW report.coauthorships IS 'Per pair of authors with a joint paper (each pair once): joint papers and the first and last joint paper dates.';
COMMENT ON COLUMN report.coauthorships.author_key_a IS 'The pair''s first author key (byte order); join report.authors on author_key.';
COMMENT ON COLUMN report.coauthorships.display_name_a IS 'Display name of author_key_a.';
COMMENT ON COLUMN report.coauthorships.author_key_b IS 'The pair''s second author key (author_key_a < author_key_b in byte order).';
COMMENT ON COLUMN report.coauthorships.display_name_b IS 'Display name of author_key_b.';
COMMENT ON COLUMN report.coauthorships.joint_papers IS 'Papers both sign.';
COMMENT ON COLUMN report.coauthorships.first_joint_date IS 'UTC day of v1 of their earliest joint paper.';
COMMENT ON COLUMN report.coauthorships.last_joint_date IS 'UTC day of v1 of their latest joint paper.';
