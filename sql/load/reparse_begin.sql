-- etl reparse: one batch of stored file contents (@ids), in one transaction, after begin_batch.sql
-- (which takes the load lock, so no load or rebuild runs meanwhile).
--
-- Invariant: the old evidence and rejections of these contents are deleted in the same transaction
-- that COPYs the ones today's rules derive from the same bytes; a crash or a failed batch leaves the
-- old rows (and the old rules_version) as they were.
DELETE FROM warehouse.evidence WHERE digest_id = ANY(@ids);
DELETE FROM warehouse.rejections WHERE digest_id = ANY(@ids);

-- What the new parse says about each file; applied to warehouse.digests by reparse_apply.sql.
CREATE TEMP TABLE reparsed_digests (
    digest_id        bigint PRIMARY KEY,
    format           text,
    category         text,
    digest_date      date,
    entries          integer NOT NULL,
    rejected_entries integer NOT NULL,
    outcome          text NOT NULL,
    mojibake_repairs integer NOT NULL
) ON COMMIT DROP;
