-- Per pair of authors who wrote at least one paper together; each pair once, author_key_a < author_key_b
-- in byte order. Dates are UTC days of v1 submission. Read from the author store
-- (sql/schema/008_author_store.sql), display names stored with each pair: joining 1.5 million pairs twice
-- with the authors cost more than scanning them.
CREATE OR REPLACE VIEW report.coauthorships AS
SELECT author_key_a, display_name_a, author_key_b, display_name_b, joint_papers, first_joint_date, last_joint_date
FROM report_store.coauthor_pairs;

COMMENT ON VIEW report.coauthorships IS 'Per pair of authors with a joint paper (each pair once): joint papers and the first and last joint paper dates.';
COMMENT ON COLUMN report.coauthorships.author_key_a IS 'The pair''s first author key (byte order); join report.authors on author_key.';
COMMENT ON COLUMN report.coauthorships.display_name_a IS 'Display name of author_key_a.';
COMMENT ON COLUMN report.coauthorships.author_key_b IS 'The pair''s second author key (author_key_a < author_key_b in byte order).';
COMMENT ON COLUMN report.coauthorships.display_name_b IS 'Display name of author_key_b.';
COMMENT ON COLUMN report.coauthorships.joint_papers IS 'Papers both sign.';
COMMENT ON COLUMN report.coauthorships.first_joint_date IS 'UTC day of v1 of their earliest joint paper.';
COMMENT ON COLUMN report.coauthorships.last_joint_date IS 'UTC day of v1 of their latest joint paper.';
