-- Per month (of v1 submission, UTC) and category. share_of_month is the category's primary papers over
-- all papers of that month with a primary category, so the shares of a month add up to 1.
--
-- Counted from report_store.paper_lists, whose categories, primary_category and published_at mirror
-- warehouse.paper_categories and warehouse.papers (sql/schema/013_report_at_scale.sql), so the papers'
-- wide rows are not read. A category is the paper's primary one exactly when it equals primary_category
-- (sql/load/apply_papers.sql sets is_primary so). The papers are first counted per month and list of
-- categories (about 100,000 groups at a million papers), then the lists unnested: unnesting every
-- paper's list first gave the planner no idea of the rows and made it sort 1.7 million of them.
CREATE OR REPLACE VIEW report.category_trends AS
WITH lists AS (
    SELECT date_trunc('month', l.published_at AT TIME ZONE 'UTC')::date AS month, l.primary_category, l.categories,
           count(*) AS papers
    FROM report_store.paper_lists l
    WHERE l.published_at IS NOT NULL
    GROUP BY 1, 2, 3
),
listed AS (
    SELECT s.month, c.code AS category,
           coalesce(sum(s.papers) FILTER (WHERE c.code IS NOT DISTINCT FROM s.primary_category), 0) AS primary_papers,
           coalesce(sum(s.papers) FILTER (WHERE c.code IS DISTINCT FROM s.primary_category), 0) AS cross_listed_papers
    FROM lists s
    CROSS JOIN LATERAL unnest(s.categories) AS c (code)
    GROUP BY 1, 2
)
SELECT month,
       category,
       primary_papers::integer AS primary_papers,
       cross_listed_papers::integer AS cross_listed_papers,
       round(primary_papers::numeric / nullif(sum(primary_papers) OVER (PARTITION BY month), 0), 4) AS share_of_month
FROM listed;

COMMENT ON VIEW report.category_trends IS 'Per month of v1 submission and category: primary papers, cross-listed papers, and the category''s share of the month''s papers.';
COMMENT ON COLUMN report.category_trends.month IS 'First day of the month (UTC) in which v1 was submitted.';
COMMENT ON COLUMN report.category_trends.category IS 'arXiv category code.';
COMMENT ON COLUMN report.category_trends.primary_papers IS 'Papers of the month with this primary category.';
COMMENT ON COLUMN report.category_trends.cross_listed_papers IS 'Papers of the month listing this category besides their primary one.';
COMMENT ON COLUMN report.category_trends.share_of_month IS 'primary_papers / all papers of the month (with a primary category), 0..1, 4 decimals; the shares of a month add up to 1.';
