-- Per month (of v1 submission, UTC) and category. share_of_month is the category's primary papers over
-- all papers of that month with a primary category, so the shares of a month add up to 1.
CREATE OR REPLACE VIEW report.category_trends AS
WITH listed AS (
    SELECT date_trunc('month', p.published_at AT TIME ZONE 'UTC')::date AS month, c.code AS category,
           count(*) FILTER (WHERE c.is_primary) AS primary_papers,
           count(*) FILTER (WHERE NOT c.is_primary) AS cross_listed_papers
    FROM warehouse.paper_categories c
    JOIN warehouse.papers p ON p.arxiv_id = c.arxiv_id
    WHERE p.published_at IS NOT NULL
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
