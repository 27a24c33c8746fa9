-- Per UTC submission day and category: what was submitted. Days come from the submission timestamps
-- of detailed digests, so papers known from compact listings alone (no timestamps) are not counted here
-- (report.data_quality counts them).
--
-- Counted from report_store.paper_lists, whose primary_category, published_at and revised_at mirror
-- warehouse.papers and warehouse.paper_versions (sql/schema/013_report_at_scale.sql): the same counts
-- as from those tables, without reading their texts.
CREATE OR REPLACE VIEW report.daily_submissions AS
WITH events AS (
    -- a new paper: its v1, under its primary category
    SELECT (l.published_at AT TIME ZONE 'UTC')::date AS day, l.primary_category AS category,
           1 AS new_paper, 0 AS new_version, 0 AS cross_listed
    FROM report_store.paper_lists l
    WHERE l.published_at IS NOT NULL AND l.primary_category IS NOT NULL
    UNION ALL
    -- a revision (v2 or later), under the paper's primary category
    SELECT (r.submitted_at AT TIME ZONE 'UTC')::date, l.primary_category, 0, 1, 0
    FROM report_store.paper_lists l
    CROSS JOIN LATERAL unnest(l.revised_at) AS r (submitted_at)
    WHERE l.primary_category IS NOT NULL
    UNION ALL
    -- a new paper cross-listed into a category other than its primary one
    SELECT (l.published_at AT TIME ZONE 'UTC')::date, c.code, 0, 0, 1
    FROM report_store.paper_lists l
    CROSS JOIN LATERAL unnest(l.categories) AS c (code)
    WHERE l.published_at IS NOT NULL AND c.code IS DISTINCT FROM l.primary_category
)
SELECT day AS submission_date,
       category,
       sum(new_paper)::integer AS new_papers,
       sum(new_version)::integer AS new_versions,
       sum(cross_listed)::integer AS cross_listed_papers
FROM events
GROUP BY day, category;

COMMENT ON VIEW report.daily_submissions IS 'Per UTC submission day and category: new papers (v1) with that primary category, revisions (v2+) of papers with that primary category, and new papers cross-listed into it.';
COMMENT ON COLUMN report.daily_submissions.submission_date IS 'UTC day of submission.';
COMMENT ON COLUMN report.daily_submissions.category IS 'arXiv category code (primary category for new_papers and new_versions).';
COMMENT ON COLUMN report.daily_submissions.new_papers IS 'Papers whose v1 was submitted that day with this primary category.';
COMMENT ON COLUMN report.daily_submissions.new_versions IS 'Versions after v1 submitted that day, of papers with this primary category.';
COMMENT ON COLUMN report.daily_submissions.cross_listed_papers IS 'Papers whose v1 was submitted that day and that list this category besides their primary one.';
