-- The lines of the snapshot being loaded (snapshot_lines: every non-blank line's number and sha256, COPYed by
-- HeldRecords) whose record the warehouse does not hold: a record is stored once, under the first file and
-- line that held it. A line repeated in the file is stored once, at its first occurrence.
ANALYZE snapshot_lines;

SELECT f.line
FROM (SELECT DISTINCT ON (record_sha256) line, record_sha256
      FROM snapshot_lines
      ORDER BY record_sha256, line) AS f
WHERE NOT EXISTS (SELECT 1 FROM warehouse.evidence e WHERE e.record_sha256 = f.record_sha256);
