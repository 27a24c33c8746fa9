-- etl reparse of a snapshot whose file is gone (SnapshotRederivation): the records found again in other
-- snapshot files (rederived: same digest and line, values from today's rules over the same line's bytes)
-- replace their old rows; the records found nowhere keep theirs.
DELETE FROM warehouse.evidence e
USING rederived r
WHERE e.digest_id = r.digest_id AND e.line = r.line;

INSERT INTO warehouse.evidence SELECT * FROM rederived;
