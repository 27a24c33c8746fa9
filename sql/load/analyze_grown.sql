-- Leaves the planner statistics right after a load: ANALYZE every table of the warehouse and the
-- report store that has grown by a fifth or more since it was last analyzed (pg_class.relpages is the
-- size the last ANALYZE or VACUUM saw; 0 when never), so the first report query after a backfill does
-- not plan from empty-table guesses. A daily file changes a tiny share of each table and analyzes nothing.
--
-- Only the columns plans depend on (keys, joins, filters, grouping) are sampled: statistics of titles
-- and abstracts cost most of an ANALYZE and no report query filters on them.
DO $$
DECLARE
    target record;
BEGIN
    FOR target IN
        SELECT c.oid::regclass AS name, k.columns
        FROM pg_class c
        LEFT JOIN (VALUES
            ('warehouse.evidence'::regclass, 'digest_id, line, arxiv_id, format, version'),
            ('warehouse.papers'::regclass, 'arxiv_id, latest_version, primary_category, published_at, updated_at, fields_digest_id, fields_line'),
            ('warehouse.paper_versions'::regclass, 'arxiv_id, version, submitted_at, source, text_digest_id, text_line')
        ) AS k (oid, columns) ON k.oid = c.oid
        -- The schemas as a filter on pg_class itself, first: joined by name, the sizes were taken of
        -- every table in the database (the catalogs too) before the join dropped them, 1.5 ms a load.
        WHERE c.relnamespace IN ('warehouse'::regnamespace, 'report_store'::regnamespace)
          AND c.relkind = 'r'
          AND pg_relation_size(c.oid) >= 1.2 * c.relpages * current_setting('block_size')::bigint
          AND pg_relation_size(c.oid) > 0
    LOOP
        EXECUTE format('ANALYZE %s %s', target.name, coalesce('(' || target.columns || ')', ''));
    END LOOP;
END
$$;
