-- The part of the author store's drain (author_store_delta.sql, which runs first in the same
-- transaction and leaves its scratch tables filled) for papers that took back a contribution: their
-- old authors lose a paper, pairs a joint paper, categories a count, and a first or last date may go.
-- ReportStore.DrainAsync runs it only then.

DELETE FROM report_store.coauthor_pairs c
USING pair_deltas d
WHERE d.papers < 0 AND c.author_key_a = d.author_key_a AND c.author_key_b = d.author_key_b AND c.joint_papers = 0;

-- A removed contribution that held the pair's first or last date: recount the pair's dates from the
-- papers both sign (through the author index).
UPDATE report_store.coauthor_pairs c
SET first_joint_date = r.first_joint_date, last_joint_date = r.last_joint_date
FROM (SELECT d.author_key_a, d.author_key_b,
             min((p.published_at AT TIME ZONE 'UTC')::date) AS first_joint_date,
             max((p.published_at AT TIME ZONE 'UTC')::date) AS last_joint_date
      FROM pair_deltas d
      JOIN report_store.coauthor_pairs c ON c.author_key_a = d.author_key_a AND c.author_key_b = d.author_key_b
      CROSS JOIN LATERAL (SELECT x.arxiv_id FROM warehouse.paper_authors x WHERE x.author_key = d.author_key_a
                          INTERSECT
                          SELECT y.arxiv_id FROM warehouse.paper_authors y WHERE y.author_key = d.author_key_b) j
      JOIN warehouse.papers p ON p.arxiv_id = j.arxiv_id
      WHERE d.removed_first IS NOT NULL AND (d.removed_first = c.first_joint_date OR d.removed_last = c.last_joint_date)
      GROUP BY 1, 2) r
WHERE c.author_key_a = r.author_key_a AND c.author_key_b = r.author_key_b;

-- Authors who lost a paper in some category: their stored and changed counts are added up set-based
-- (both objects unnested together and summed) and ranked again.
INSERT INTO report_store.author_stats AS s (author_key, display_name, papers, first_paper_date, last_paper_date, coauthors,
                                            category_papers, top_categories)
WITH changed AS (
    SELECT * FROM author_deltas WHERE loses_category
),
categories AS (
    SELECT author_key, jsonb_object_agg(category, papers) AS category_papers,
           (array_agg(category ORDER BY papers DESC, category COLLATE "C"))[1:3] AS top_categories
    FROM (SELECT x.author_key, c.key AS category, sum(c.value::integer) AS papers
          FROM (SELECT author_key, category_papers FROM changed
                UNION ALL
                SELECT author_key, category_papers FROM report_store.author_stats
                WHERE author_key = ANY (ARRAY(SELECT author_key FROM changed))) x,
               jsonb_each(x.category_papers) AS c
          GROUP BY 1, 2
          HAVING sum(c.value::integer) <> 0) per_category
    GROUP BY author_key
)
SELECT d.author_key, d.display_name, d.papers, d.added_first, d.added_last, d.coauthors,
       coalesce(k.category_papers, '{}'), coalesce(k.top_categories, '{}')
FROM changed d
LEFT JOIN categories k ON k.author_key = d.author_key
ON CONFLICT (author_key) DO UPDATE
SET papers = s.papers + excluded.papers,
    first_paper_date = least(s.first_paper_date, excluded.first_paper_date),
    last_paper_date = greatest(s.last_paper_date, excluded.last_paper_date),
    coauthors = s.coauthors + excluded.coauthors,
    category_papers = excluded.category_papers,
    top_categories = excluded.top_categories;

DELETE FROM report_store.author_stats s
WHERE s.author_key = ANY (ARRAY(SELECT author_key FROM author_deltas WHERE papers < 0)) AND s.papers = 0;

-- A removed contribution that held the author's first or last date: recount from their papers.
UPDATE report_store.author_stats s
SET first_paper_date = r.first_paper_date, last_paper_date = r.last_paper_date
FROM (SELECT d.author_key,
             min((p.published_at AT TIME ZONE 'UTC')::date) AS first_paper_date,
             max((p.published_at AT TIME ZONE 'UTC')::date) AS last_paper_date
      FROM author_deltas d
      JOIN report_store.author_stats s ON s.author_key = d.author_key
      JOIN warehouse.paper_authors pa ON pa.author_key = d.author_key
      JOIN warehouse.papers p ON p.arxiv_id = pa.arxiv_id
      WHERE d.author_key = ANY (ARRAY(SELECT author_key FROM author_deltas WHERE removed_first IS NOT NULL))
        AND s.author_key = ANY (ARRAY(SELECT author_key FROM author_deltas WHERE removed_first IS NOT NULL))
        AND (d.removed_first = s.first_paper_date OR d.removed_last = s.last_paper_date)
      GROUP BY 1) r
WHERE s.author_key = r.author_key;
