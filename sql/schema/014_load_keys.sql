-- Issue 23: the keys a load checks row by row, cut to the ones that say something.
--
-- Every key below is checked by PostgreSQL once per inserted row (a trigger running a query), about 5 µs
-- each: at 200,000 papers the evidence's two keys cost 11 s of a 105 s backfill and compact_versions'
-- 2 s (docs/benchmarks.md).

-- An entry's format is its file's format. One composite key says both what the two keys said (the digest
-- exists; the format is one of warehouse.source_formats, through digests_format_fkey) and what neither
-- did (an entry cannot claim another format than its file), with one check per row instead of two.
-- Deferred, like the key it replaces: evidence streams in before its file's counts are known.
ALTER TABLE warehouse.digests ADD CONSTRAINT digests_digest_id_format_key UNIQUE (digest_id, format);
ALTER TABLE warehouse.evidence
    DROP CONSTRAINT evidence_format_fkey,
    DROP CONSTRAINT evidence_digest_id_fkey,
    ADD CONSTRAINT evidence_digest_fkey FOREIGN KEY (digest_id, format)
        REFERENCES warehouse.digests (digest_id, format) DEFERRABLE INITIALLY DEFERRED;

-- compact_versions is derived state rewritten with its paper (apply_papers.sql deletes a touched paper's
-- rows before writing them again; rebuild_from_evidence.sql those of papers it removes), so the key that
-- only served to cascade those deletes goes.
ALTER TABLE warehouse.compact_versions DROP CONSTRAINT compact_versions_arxiv_id_fkey;
