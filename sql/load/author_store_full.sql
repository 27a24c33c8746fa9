-- Recomputes the author store (sql/schema/008_author_store.sql) from the whole warehouse and empties
-- dirty_papers: the drain of a load whose dirty papers are a large share of all papers (a backfill),
-- of etl rebuild and of the migration. Runs in the transaction of the load's last batch (or of etl
-- rebuild), under the load lock.
-- Every figure is aggregated once from the per-paper key arrays: no self-join of the link table.

TRUNCATE report_store.paper_author_keys, report_store.coauthor_pairs, report_store.author_stats,
         report_store.dirty_papers, report_store.dirty_authors;

-- Each paper's keys are aggregated before its row is joined: a million lookups of papers, not one per link.
INSERT INTO report_store.paper_author_keys (arxiv_id, author_keys, day, primary_category)
SELECT k.arxiv_id, k.author_keys, (p.published_at AT TIME ZONE 'UTC')::date, p.primary_category
FROM (SELECT arxiv_id, array_agg(DISTINCT author_key ORDER BY author_key) AS author_keys
      FROM warehouse.paper_authors
      GROUP BY arxiv_id) k
JOIN warehouse.papers p ON p.arxiv_id = k.arxiv_id;

-- Names are joined to the two keys of every pair a paper forms, and the pairs grouped by the authors'
-- primary key: the planner then knows how many groups there are (it assumes 100 for a GROUP BY over
-- unnest) and joins the 30,000 to 200,000 authors by hash. Grouping first and joining the names after
-- was planned as two index probes per pair (7.4 million pairs at a million papers: 77 s against 44 s).
-- The groups come out sorted like the primary key, so the index is filled left to right.
INSERT INTO report_store.coauthor_pairs (author_key_a, display_name_a, author_key_b, display_name_b, joint_papers, first_joint_date, last_joint_date)
SELECT a.author_key, a.display_name, b.author_key, b.display_name, count(*), min(k.day), max(k.day)
FROM report_store.paper_author_keys k, unnest(k.author_keys) AS x (author_key), unnest(k.author_keys) AS y (author_key),
     warehouse.authors a, warehouse.authors b
WHERE a.author_key = x.author_key
  AND b.author_key = y.author_key
  AND x.author_key COLLATE "C" < y.author_key COLLATE "C"
  -- large collaborations form no pairs (report_store.settings)
  AND cardinality(k.author_keys) <= (SELECT pair_author_limit FROM report_store.settings)
GROUP BY a.author_key, b.author_key
ORDER BY a.author_key, b.author_key;

INSERT INTO report_store.author_stats (author_key, display_name, papers, first_paper_date, last_paper_date, coauthors,
                                      category_papers, top_categories)
WITH totals AS (
    SELECT a.author_key, count(*)::integer AS papers, min(k.day) AS first_paper_date, max(k.day) AS last_paper_date
    FROM report_store.paper_author_keys k, unnest(k.author_keys) AS a (author_key)
    GROUP BY 1
),
coauthors AS (
    SELECT author_key, count(*)::integer AS coauthors
    FROM (SELECT author_key_a AS author_key FROM report_store.coauthor_pairs
          UNION ALL
          SELECT author_key_b FROM report_store.coauthor_pairs) sides
    GROUP BY author_key
),
categories AS (
    SELECT author_key, jsonb_object_agg(primary_category, papers) AS category_papers,
           (array_agg(primary_category ORDER BY papers DESC, primary_category COLLATE "C"))[1:3] AS top_categories
    FROM (SELECT a.author_key, k.primary_category, count(*)::integer AS papers
          FROM report_store.paper_author_keys k, unnest(k.author_keys) AS a (author_key)
          WHERE k.primary_category IS NOT NULL
          GROUP BY 1, 2) c
    GROUP BY author_key
)
SELECT t.author_key, au.display_name, t.papers, t.first_paper_date, t.last_paper_date, coalesce(c.coauthors, 0),
       coalesce(k.category_papers, '{}'), coalesce(k.top_categories, '{}')
FROM totals t
JOIN warehouse.authors au ON au.author_key = t.author_key
LEFT JOIN coauthors c ON c.author_key = t.author_key
LEFT JOIN categories k ON k.author_key = t.author_key;

-- The next drain chooses between this and a delta by the store's size (pg_class.reltuples).
ANALYZE report_store.paper_author_keys (arxiv_id);
