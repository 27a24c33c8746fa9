-- Brings the author store (sql/schema/008_author_store.sql) up to date for the papers in dirty_papers, and
-- empties it: the drain of a load that touched a small share of the papers. Runs in the transaction of
-- the load's last batch (or in one of its own, after begin_batch.sql), under the load lock, followed in
-- the same transaction by author_store_removals.sql when a paper took back a contribution (the last
-- statement here says so) and by author_store_renames.sql when dirty_authors is not empty
-- (ReportStore.DrainAsync).
--
-- Each changed paper takes back its old contribution (its row in paper_author_keys) and adds its new
-- one (its links now): -1/+1 paper for each of its authors, their categories and their pairs. Counts
-- are exact that way; a first or last date can only be lost when a removed contribution held it, and
-- only those few dates are recounted from the warehouse. Every lookup goes through a primary key or the
-- author index: the work follows the dirty papers, never the size of the warehouse. Keys are looked up
-- with "= ANY (ARRAY(SELECT …))", which always plans as index scans: joins with the small temp tables
-- were sometimes planned as scans of the whole store (its tables have 30,000 to 1.5 million rows).

-- Scratch tables: once per session, empty at the start of each transaction (see begin_batch.sql).
SET LOCAL client_min_messages = warning;
CREATE TEMP TABLE IF NOT EXISTS store_changes (
    arxiv_id text NOT NULL, old_keys text[] NOT NULL, old_day date, old_category text,
    new_keys text[] NOT NULL, new_day date, new_category text
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS store_contributions (sign integer NOT NULL, author_keys text[] NOT NULL, day date, primary_category text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS author_deltas (
    author_key text NOT NULL, display_name text, papers integer NOT NULL,
    added_first date, added_last date, removed_first date, removed_last date,
    category_papers jsonb NOT NULL, loses_category boolean NOT NULL, coauthors integer NOT NULL,
    only_category text, only_change integer  -- the one category whose count changed, when only one did
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS pair_deltas (
    author_key_a text NOT NULL, author_key_b text NOT NULL, papers integer NOT NULL,
    added_first date, added_last date, removed_first date, removed_last date
) ON COMMIT DELETE ROWS;

INSERT INTO store_changes (arxiv_id, old_keys, old_day, old_category, new_keys, new_day, new_category)
SELECT n.arxiv_id,
       coalesce(o.author_keys, '{}') AS old_keys, o.day AS old_day, o.primary_category AS old_category,
       n.author_keys AS new_keys, n.day AS new_day, n.primary_category AS new_category
FROM (WITH now AS MATERIALIZED (
          SELECT d.arxiv_id,
                 coalesce((SELECT array_agg(DISTINCT pa.author_key ORDER BY pa.author_key)
                           FROM warehouse.paper_authors pa WHERE pa.arxiv_id = d.arxiv_id), '{}') AS author_keys,
                 (p.published_at AT TIME ZONE 'UTC')::date AS day, p.primary_category
          FROM report_store.dirty_papers d
          LEFT JOIN warehouse.papers p ON p.arxiv_id = d.arxiv_id)
      SELECT * FROM now) n
LEFT JOIN report_store.paper_author_keys o ON o.arxiv_id = n.arxiv_id
-- a paper counted with the same authors, day and category changes nothing (most new versions)
WHERE coalesce(o.author_keys, '{}') <> n.author_keys
   OR (cardinality(n.author_keys) > 0
       AND (o.day IS DISTINCT FROM n.day OR o.primary_category IS DISTINCT FROM n.primary_category));

DELETE FROM report_store.dirty_papers;

DELETE FROM report_store.paper_author_keys WHERE arxiv_id IN (SELECT arxiv_id FROM store_changes);
INSERT INTO report_store.paper_author_keys (arxiv_id, author_keys, day, primary_category)
SELECT arxiv_id, new_keys, new_day, new_category FROM store_changes WHERE cardinality(new_keys) > 0;

INSERT INTO store_contributions (sign, author_keys, day, primary_category)
SELECT -1 AS sign, old_keys AS author_keys, old_day AS day, old_category AS primary_category FROM store_changes WHERE cardinality(old_keys) > 0
UNION ALL
SELECT 1, new_keys, new_day, new_category FROM store_changes WHERE cardinality(new_keys) > 0;

-- Authors' changes first: each author's display name is looked up once here, and the pairs below take
-- their two names from this table. Category counts are a JSON object per author (the categories whose
-- count changed), added to the stored one in the author's single write below. One pass over the
-- contributions, per author and primary category, gives both the totals and the categories.
INSERT INTO author_deltas (author_key, display_name, papers, added_first, added_last, removed_first, removed_last,
                           category_papers, loses_category, coauthors, only_category, only_change)
SELECT t.author_key,
       -- The last batch's authors were just written from staged_authors (apply_papers.sql), names
       -- included: only authors of papers an earlier load recorded are looked up (COALESCE is lazy).
       coalesce(n.display_name, (SELECT a.display_name FROM warehouse.authors a WHERE a.author_key = t.author_key)) AS display_name,
       t.papers, t.added_first, t.added_last, t.removed_first, t.removed_last,
       coalesce(t.category_papers, '{}') AS category_papers,
       coalesce(t.loses_category, false) AS loses_category,
       0 AS coauthors,  -- set with the pairs below
       CASE WHEN t.changed_categories = 1 THEN t.some_category END AS only_category,
       CASE WHEN t.changed_categories = 1 THEN t.some_change END AS only_change
FROM (SELECT author_key, sum(papers)::integer AS papers,
             min(added_first) AS added_first, max(added_last) AS added_last,
             min(removed_first) AS removed_first, max(removed_last) AS removed_last,
             -- A category counts where its papers changed: a paper without one counts in the totals only.
             jsonb_object_agg(primary_category, papers) FILTER (WHERE changed) AS category_papers,
             bool_or(papers < 0) FILTER (WHERE changed) AS loses_category,
             count(*) FILTER (WHERE changed) AS changed_categories,
             min(primary_category) FILTER (WHERE changed) AS some_category,
             min(papers) FILTER (WHERE changed) AS some_change
      FROM (SELECT a.author_key, c.primary_category, sum(c.sign)::integer AS papers,
                   min(c.day) FILTER (WHERE c.sign > 0) AS added_first, max(c.day) FILTER (WHERE c.sign > 0) AS added_last,
                   min(c.day) FILTER (WHERE c.sign < 0) AS removed_first, max(c.day) FILTER (WHERE c.sign < 0) AS removed_last,
                   c.primary_category IS NOT NULL AND sum(c.sign) <> 0 AS changed
            FROM store_contributions c, unnest(c.author_keys) AS a (author_key)
            GROUP BY 1, 2) per_category
      GROUP BY author_key) t
LEFT JOIN staged_authors n ON n.author_key = t.author_key;

-- Pairs -------------------------------------------------------------------------------------------

INSERT INTO pair_deltas (author_key_a, author_key_b, papers, added_first, added_last, removed_first, removed_last)
SELECT a.author_key AS author_key_a, b.author_key AS author_key_b, sum(c.sign)::integer AS papers,
       min(c.day) FILTER (WHERE c.sign > 0) AS added_first, max(c.day) FILTER (WHERE c.sign > 0) AS added_last,
       min(c.day) FILTER (WHERE c.sign < 0) AS removed_first, max(c.day) FILTER (WHERE c.sign < 0) AS removed_last
FROM store_contributions c, unnest(c.author_keys) AS a (author_key), unnest(c.author_keys) AS b (author_key)
WHERE a.author_key COLLATE "C" < b.author_key COLLATE "C"
  -- a large collaboration formed no pairs when it was added and takes none back (report_store.settings)
  AND cardinality(c.author_keys) <= (SELECT pair_author_limit FROM report_store.settings)
GROUP BY 1, 2
-- In the stored pairs' key order: the lookups and insertions below then walk the index in one
-- direction, and consecutive ones share its upper pages.
ORDER BY 1, 2;

-- Pairs that appear or disappear change their two authors' coauthor counts. Stored pairs are updated
-- and the others inserted: the drain holds the load lock, so nobody adds a pair meanwhile, and a plain
-- INSERT costs half an ON CONFLICT upsert per row (which probes the key first and confirms each
-- insertion in the WAL). Most pairs of a daily load are new.
WITH updated AS (
    -- Pairs that gained or lost papers, or only changed dates (changed papers produce the last two).
    UPDATE report_store.coauthor_pairs c
    SET joint_papers = c.joint_papers + d.papers,
        first_joint_date = least(c.first_joint_date, d.added_first),
        last_joint_date = greatest(c.last_joint_date, d.added_last)
    FROM pair_deltas d
    WHERE c.author_key_a = d.author_key_a AND c.author_key_b = d.author_key_b
    RETURNING c.author_key_a, c.author_key_b, c.joint_papers
),
inserted AS (
    -- A pair not stored only gains papers (a removed contribution was counted when it was added).
    INSERT INTO report_store.coauthor_pairs (author_key_a, display_name_a, author_key_b, display_name_b, joint_papers, first_joint_date, last_joint_date)
    SELECT d.author_key_a, a.display_name, d.author_key_b, b.display_name, d.papers, d.added_first, d.added_last
    FROM pair_deltas d
    JOIN author_deltas a ON a.author_key = d.author_key_a
    JOIN author_deltas b ON b.author_key = d.author_key_b
    WHERE d.papers > 0
      AND NOT EXISTS (SELECT FROM updated u WHERE u.author_key_a = d.author_key_a AND u.author_key_b = d.author_key_b)
    RETURNING author_key_a, author_key_b
),
changed AS (
    SELECT author_key_a, author_key_b, 1 AS change FROM inserted
    UNION ALL
    SELECT author_key_a, author_key_b, -1 FROM updated WHERE joint_papers = 0
)
UPDATE author_deltas d
SET coauthors = e.change
FROM (SELECT author_key, sum(change)::integer AS change
      FROM (SELECT author_key_a AS author_key, change FROM changed
            UNION ALL
            SELECT author_key_b, change FROM changed) ends
      GROUP BY author_key) e
WHERE d.author_key = e.author_key;

-- Authors -----------------------------------------------------------------------------------------

-- One write per author. Most changed authors only gain papers (new papers, new versions with the same
-- authors): no category count goes down, so the new top three are among the old top three and the
-- categories that grew (a category outside the old top three ranked below all three, which only grew
-- since). Those authors' rows are updated from their own two small objects, and authors new to the
-- store inserted (they only gain papers, so their name is known). Ranking all of an author's categories
-- again is left to the few who lost a paper in some category (loses_category): author_store_removals.sql.
--
-- Most of those authors gained in a single category (only_category, by only_change papers). Its count is
-- then set directly, and the top three keep their order unless that category now ranks before the one
-- just above it (before the third, from outside them); a row comparison (count, code) says so, since the
-- order is count descending, then code ascending. Only the others are ranked by a subquery: run for
-- every author, the ranking and the merge took 4.5 of the statement's 13 ms on the benchmark's daily file.
WITH grown AS (
    UPDATE report_store.author_stats s
    SET papers = s.papers + d.papers,
        first_paper_date = least(s.first_paper_date, d.added_first),
        last_paper_date = greatest(s.last_paper_date, d.added_last),
        coauthors = s.coauthors + d.coauthors,
        category_papers = CASE
            WHEN d.only_category IS NOT NULL
                THEN s.category_papers || jsonb_build_object(d.only_category, coalesce((s.category_papers ->> d.only_category)::integer, 0) + d.only_change)
            ELSE s.category_papers
                || coalesce((SELECT jsonb_object_agg(c.key, coalesce((s.category_papers ->> c.key)::integer, 0) + c.value::integer)
                             FROM jsonb_each(d.category_papers) c), '{}')
            END,
        top_categories = CASE
            WHEN d.only_category IS NOT NULL
                 AND CASE array_position(s.top_categories, d.only_category)
                         WHEN 1 THEN true
                         WHEN 2 THEN (coalesce((s.category_papers ->> d.only_category)::integer, 0) + d.only_change, s.top_categories[1] COLLATE "C")
                                     <= ((s.category_papers ->> s.top_categories[1])::integer, d.only_category)
                         WHEN 3 THEN (coalesce((s.category_papers ->> d.only_category)::integer, 0) + d.only_change, s.top_categories[2] COLLATE "C")
                                     <= ((s.category_papers ->> s.top_categories[2])::integer, d.only_category)
                         ELSE cardinality(s.top_categories) = 3
                              AND (coalesce((s.category_papers ->> d.only_category)::integer, 0) + d.only_change, s.top_categories[3] COLLATE "C")
                                  <= ((s.category_papers ->> s.top_categories[3])::integer, d.only_category)
                     END
                THEN s.top_categories
            ELSE ARRAY(
                SELECT t.category
                FROM (SELECT unnest(s.top_categories) UNION SELECT jsonb_object_keys(d.category_papers)) t (category)
                ORDER BY coalesce((s.category_papers ->> t.category)::integer, 0) + coalesce((d.category_papers ->> t.category)::integer, 0) DESC,
                         t.category COLLATE "C"
                LIMIT 3)
            END
    FROM author_deltas d
    WHERE s.author_key = ANY (ARRAY(SELECT author_key FROM author_deltas WHERE NOT loses_category))
      AND s.author_key = d.author_key
    RETURNING s.author_key
)
INSERT INTO report_store.author_stats (author_key, display_name, papers, first_paper_date, last_paper_date, coauthors,
                                       category_papers, top_categories)
SELECT d.author_key, d.display_name, d.papers, d.added_first, d.added_last, d.coauthors, d.category_papers,
       ARRAY(SELECT c.key FROM jsonb_each(d.category_papers) c ORDER BY c.value::integer DESC, c.key COLLATE "C" LIMIT 3)
FROM author_deltas d
WHERE NOT d.loses_category
  AND NOT EXISTS (SELECT FROM grown g WHERE g.author_key = d.author_key);

-- Whether any paper took back a contribution: only then has author_store_removals.sql work to do
-- (a daily load of new papers has none, and skips its statements, planning included).
SELECT EXISTS (SELECT FROM store_contributions WHERE sign < 0) AS removals;
