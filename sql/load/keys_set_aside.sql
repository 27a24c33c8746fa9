-- A batch that writes a large share of the warehouse's papers (every batch into an empty warehouse, most
-- batches of a backfill, a snapshot imported into a new warehouse; BatchLoad.SetKeysAsideAsync decides)
-- sets aside the foreign keys of the tables it fills with the answer, the way pg_restore loads data
-- before it adds its constraints: a key added to filled tables is checked by one anti-join over the
-- table (about 5 µs per paper of the warehouse, all keys), where a key in place is checked by a query
-- per inserted row (40-75 µs for each paper's author, category and version rows; at a million papers,
-- most of the time spent applying the papers). keys_restored.sql adds every key back, with the same
-- name and definition, before this transaction commits; a batch that fails rolls the drop back with
-- everything else, so no committed state ever lacks a key. apply_papers.sql deletes a paper's rows
-- itself, children first, so it never needs the keys' ON DELETE CASCADE.
--
-- The definitions are read from the catalog, so this script names tables, not keys: a key added to these
-- tables by a later migration is set aside and restored with the others. The evidence keeps its key, so
-- warehouse.digests (which files are loaded: the service's inbox, etl status) is never locked.
--
-- Dropping a key locks its table and the table it references (ACCESS EXCLUSIVE) until commit: queries of
-- the warehouse then wait for the rest of the batch instead of answering from the last one. The locks are
-- taken without waiting: if any session is using one of the tables, nothing is set aside and the batch
-- checks its keys row by row, as a small batch (a daily file) does.
CREATE TEMPORARY TABLE keys_set_aside ON COMMIT DROP AS
SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS referenced_table,
       c.conname AS key_name, pg_get_constraintdef(c.oid) AS definition
FROM pg_constraint c
WHERE c.contype = 'f'
  AND c.conrelid IN ('warehouse.papers'::regclass, 'warehouse.paper_versions'::regclass,
                     'warehouse.paper_authors'::regclass, 'warehouse.paper_categories'::regclass);

DO $$
DECLARE
    k record;
BEGIN
    -- Every table a drop below would lock, both sides of each key, at once and without waiting.
    BEGIN
        EXECUTE (SELECT format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE NOWAIT', string_agg(DISTINCT t.name, ', '))
                 FROM keys_set_aside, LATERAL (VALUES (table_name), (referenced_table)) AS t (name));
    EXCEPTION WHEN lock_not_available THEN
        DELETE FROM keys_set_aside;
        RETURN;
    END;

    FOR k IN SELECT table_name, key_name FROM keys_set_aside LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', k.table_name, k.key_name);
    END LOOP;
END
$$;

SELECT EXISTS (SELECT FROM keys_set_aside);
