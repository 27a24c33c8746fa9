-- Leaves the planner statistics right after a load: ANALYZE every table of the warehouse and the
-- report store that has grown by a fifth or more since it was last analyzed (pg_class.relpages is the
-- size the last ANALYZE or VACUUM saw; 0 when never), so the first report query after a backfill does
-- not plan from empty-table guesses. A daily file changes a tiny share of each table and analyzes nothing.
--
-- Only the columns plans filter, join or group by are sampled in full: statistics of titles and
-- abstracts cost most of an ANALYZE and no report query filters on them. Their widths are still needed:
-- without them the planner takes a text for 32 bytes, sizes the hash of a join that carries the texts
-- (report.revisions reads every paper's v1 and latest texts) at a tenth of its size, and the hash then
-- spills to disk batch after batch (2.4 s instead of 0.6-1.5 s at 200,000 papers). A sample of 3,000 rows
-- (statistics target 10) gives the widths in 0.1-0.2 s a table, against 0.5 s at the default target.
DO $$
DECLARE
    target record;
    default_target text := current_setting('default_statistics_target');
BEGIN
    FOR target IN
        SELECT c.oid::regclass AS name, k.columns, k.texts
        FROM pg_class c
        LEFT JOIN (VALUES
            ('warehouse.evidence'::regclass, 'digest_id, line, arxiv_id, format, version', NULL),
            ('warehouse.papers'::regclass, 'arxiv_id, latest_version, primary_category, published_at, updated_at, fields_digest_id, fields_line', 'title, abstract'),
            ('warehouse.paper_versions'::regclass, 'arxiv_id, version, submitted_at, source, text_digest_id, text_line', 'title, abstract')
        ) AS k (oid, columns, texts) ON k.oid = c.oid
        -- The schemas as a filter on pg_class itself, first: joined by name, the sizes were taken of
        -- every table in the database (the catalogs too) before the join dropped them, 1.5 ms a load.
        WHERE c.relnamespace IN ('warehouse'::regnamespace, 'report_store'::regnamespace)
          AND c.relkind = 'r'
          AND pg_relation_size(c.oid) >= 1.2 * c.relpages * current_setting('block_size')::bigint
          AND pg_relation_size(c.oid) > 0
    LOOP
        -- The texts first: the last ANALYZE of a table sets its row count, and the full sample's is better.
        IF target.texts IS NOT NULL THEN
            PERFORM set_config('default_statistics_target', '10', true);
            EXECUTE format('ANALYZE %s (%s)', target.name, target.texts);
            PERFORM set_config('default_statistics_target', default_target, true);
        END IF;
        EXECUTE format('ANALYZE %s %s', target.name, coalesce('(' || target.columns || ')', ''));
    END LOOP;
END
$$;
