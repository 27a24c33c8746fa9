-- The lines of the snapshot being loaded (snapshot_lines: every non-blank line's number and sha256, COPYed by
-- HeldRecords) whose record the warehouse does not hold, and which of them to store: a record is stored once,
-- under the first file and line that held it, so a line repeated in the file is stored at its first
-- occurrence only. Every line returned is parsed (a repeated bad line is rejected at each occurrence, as a
-- digest's would be); the lines not returned hold records the warehouse has, accepted when first stored,
-- and are not parsed again.
ANALYZE snapshot_lines;

SELECT l.line, l.line = min(l.line) OVER (PARTITION BY l.record_sha256) AS stores
FROM snapshot_lines l
WHERE NOT EXISTS (SELECT 1 FROM warehouse.evidence e WHERE e.record_sha256 = l.record_sha256);
