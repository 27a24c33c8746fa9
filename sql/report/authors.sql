-- Per author (identity key, see docs/data-contract.md). Dates are UTC days of v1 submission.
CREATE OR REPLACE VIEW report.authors AS
WITH author_papers AS (
    -- a name listed twice on one paper ("M. D." as a title) still counts once
    SELECT DISTINCT pa.author_key, pa.arxiv_id, (p.published_at AT TIME ZONE 'UTC')::date AS day, p.primary_category
    FROM warehouse.paper_authors pa
    JOIN warehouse.papers p ON p.arxiv_id = pa.arxiv_id
),
totals AS (
    SELECT author_key, count(*)::integer AS papers, min(day) AS first_paper_date, max(day) AS last_paper_date
    FROM author_papers
    GROUP BY author_key
),
coauthors AS (
    SELECT a.author_key, count(DISTINCT b.author_key)::integer AS coauthors
    FROM warehouse.paper_authors a
    JOIN warehouse.paper_authors b ON b.arxiv_id = a.arxiv_id AND b.author_key <> a.author_key
    GROUP BY a.author_key
),
categories AS (
    SELECT author_key, (array_agg(primary_category ORDER BY papers DESC, primary_category COLLATE "C"))[1:3] AS top_categories
    FROM (SELECT author_key, primary_category, count(*) AS papers
          FROM author_papers WHERE primary_category IS NOT NULL
          GROUP BY author_key, primary_category) per_category
    GROUP BY author_key
)
SELECT au.author_key,
       au.display_name,
       t.papers,
       t.first_paper_date,
       t.last_paper_date,
       coalesce(c.coauthors, 0) AS coauthors,
       coalesce(k.top_categories, '{}'::text[]) AS top_categories
FROM totals t
JOIN warehouse.authors au ON au.author_key = t.author_key
LEFT JOIN coauthors c ON c.author_key = t.author_key
LEFT JOIN categories k ON k.author_key = t.author_key;

COMMENT ON VIEW report.authors IS 'Per author: display name, papers, first and last paper dates, distinct coauthors, and the most frequent primary categories of their papers.';
COMMENT ON COLUMN report.authors.author_key IS 'Identity of the person: NFKD, no accents, lowercase, non-word runs as one space (see docs/data-contract.md).';
COMMENT ON COLUMN report.authors.display_name IS 'The most frequent spelling of the name across detailed digests.';
COMMENT ON COLUMN report.authors.papers IS 'Papers the author signs (latest author list of each paper).';
COMMENT ON COLUMN report.authors.first_paper_date IS 'UTC day of v1 of the author''s earliest paper.';
COMMENT ON COLUMN report.authors.last_paper_date IS 'UTC day of v1 of the author''s latest paper.';
COMMENT ON COLUMN report.authors.coauthors IS 'Distinct people who signed at least one paper with the author.';
COMMENT ON COLUMN report.authors.top_categories IS 'Up to three primary categories of the author''s papers, most papers first (ties by code).';
