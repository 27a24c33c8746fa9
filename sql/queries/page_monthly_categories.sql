-- Chart "monthly papers per category": new papers (by primary category) per month, for the six
-- categories with the most papers overall; one series per category, one point per month of the data.
WITH top AS (
    SELECT category FROM report.category_trends
    GROUP BY category
    ORDER BY sum(primary_papers) DESC, category COLLATE "C"
    LIMIT 6
),
months AS (SELECT DISTINCT month FROM report.category_trends)
SELECT t.category, m.month, coalesce(c.primary_papers, 0) AS papers
FROM top t
CROSS JOIN months m
LEFT JOIN report.category_trends c ON c.category = t.category AND c.month = m.month
ORDER BY t.category COLLATE "C", m.month;
