-- Issue 22: arXiv's metadata snapshot as a fourth source.
--
-- Invariants
--   * A snapshot record is evidence like a digest entry, with what only records carry: its own rank key
--     (record_date = its update_date, record_sha256 = the sha256 of its line; its rank line is 0), every
--     version it lists with the timestamp it gives (versions, versions_created: same length, same order),
--     and the fields kept only for the export (submitter, report_no, license, authors_parsed as written).
--     Digest entries have none of these (null).
--   * A record is stored once, whatever how many snapshots hold its line: record_sha256 is unique. Its row
--     belongs to the first loaded file that held it (digest_id, line of that file).
--   * Detailed entries and snapshot records both name their versions and compete by rank alone: precedence
--     is no longer unique among source formats.
--   * A snapshot digest says how many of its records were new (the paper had no record before), changed (the
--     paper had a record with another line) and unchanged (the line was held already); null for other formats.
--     entries counts the evidence rows the digest stored (new + changed).

ALTER TABLE warehouse.source_formats DROP CONSTRAINT IF EXISTS source_formats_precedence_key;

ALTER TABLE warehouse.evidence
    ADD COLUMN record_sha256    bytea CHECK (length(record_sha256) = 32),
    ADD COLUMN record_date      date,
    ADD COLUMN versions         integer[],
    ADD COLUMN versions_created timestamptz[],
    ADD COLUMN submitter        text,
    ADD COLUMN report_no        text,
    ADD COLUMN license          text,
    ADD COLUMN authors_parsed   text,
    ADD CONSTRAINT evidence_record_check CHECK (
        (record_sha256 IS NULL) = (record_date IS NULL)
        AND (record_sha256 IS NULL) = (versions IS NULL)
        AND cardinality(versions) = cardinality(versions_created));

CREATE UNIQUE INDEX evidence_record_sha256 ON warehouse.evidence (record_sha256) WHERE record_sha256 IS NOT NULL;

COMMENT ON COLUMN warehouse.evidence.record_sha256 IS 'A snapshot record''s identity and rank: the sha256 of its line (null for digest entries); unique, so a record held by several snapshots is stored once.';
COMMENT ON COLUMN warehouse.evidence.record_date IS 'A snapshot record''s update_date, the date of its rank (null for digest entries).';
COMMENT ON COLUMN warehouse.evidence.versions IS 'Every version a snapshot record lists (null for digest entries); versions_created holds their timestamps, null where the record gives none.';
COMMENT ON COLUMN warehouse.evidence.authors_parsed IS 'A snapshot record''s authors_parsed as written (JSON), for the export; the contract uses authors.';

ALTER TABLE warehouse.digests
    ADD COLUMN records_new       integer CHECK (records_new >= 0),
    ADD COLUMN records_changed   integer CHECK (records_changed >= 0),
    ADD COLUMN records_unchanged integer CHECK (records_unchanged >= 0);

-- Settings the stores are computed with. pair_author_limit: a paper with more distinct authors than this forms
-- no co-author pairs (a collaboration of 3,000 authors alone would be 4.5 million pairs); its authors still
-- count it. The stores always agree with the stored value; `etl rebuild` writes the configured one
-- (Reporting:PairAuthorLimit) and recomputes them.
CREATE TABLE report_store.settings (
    single            boolean PRIMARY KEY DEFAULT true CHECK (single),
    pair_author_limit integer NOT NULL CHECK (pair_author_limit >= 1)
);
INSERT INTO report_store.settings (pair_author_limit) VALUES (100);

COMMENT ON COLUMN warehouse.digests.records_unchanged IS 'Snapshots: records whose line was held already (stored by an earlier file, or earlier in this one); null for other formats.';
