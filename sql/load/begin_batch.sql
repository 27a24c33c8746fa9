-- Start of one load transaction (a batch of files).
--
-- One loader at a time stores and reconciles: a paper is recomputed from *all* of its evidence, so two
-- loaders working from different snapshots could each miss the other's entries, and two loaders must
-- never both accept the same file content. The lock is transaction-scoped: a loader that crashes or is
-- killed releases it with its connection, and its uncommitted files vanish with it.
SELECT pg_advisory_xact_lock(7461002001);  -- also in try_load_lock.sql and load_lock_waiters.sql

-- Sorting and hashing the batch's evidence should stay in memory.
SET LOCAL work_mem = '256MB';

-- A scratch table is created once per session and emptied by every commit (ON COMMIT DELETE ROWS):
-- creating and dropping each of them in every batch cost more catalog writes than a daily file's own
-- rows. Npgsql keeps the session across loads when the pool does not reset it (see
-- WarehouseServices); with a fresh session the tables are simply created again. Every script may
-- rely on them being empty at the start of its transaction: rows of an earlier batch were removed by
-- its commit, or vanished with its rollback.
SET LOCAL client_min_messages = warning;  -- not "relation already exists, skipping" on every batch
CREATE TEMP TABLE IF NOT EXISTS staged_spellings (author_key text NOT NULL, spelling text NOT NULL, entries bigint NOT NULL) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS touched_papers (arxiv_id text PRIMARY KEY) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS touched_authors (author_key text PRIMARY KEY) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS staged_authors (author_key text PRIMARY KEY, display_name text NOT NULL) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS renamed_authors (author_key text NOT NULL) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS staged_papers (
    arxiv_id           text PRIMARY KEY,
    latest_version     integer NOT NULL,
    published_at       timestamptz,
    updated_at         timestamptz,
    fields_digest_id   bigint NOT NULL,
    fields_line        integer NOT NULL,
    compact_categories text[]           -- set only for papers known from compact listings alone
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS staged_versions (
    arxiv_id       text NOT NULL,
    version        integer NOT NULL,
    submitted_at   timestamptz,
    text_digest_id bigint,
    text_line      integer
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS staged_compact_versions (
    digest_id bigint NOT NULL,
    line      integer NOT NULL,
    arxiv_id  text NOT NULL,
    version   integer NOT NULL
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS staged_quality (  -- rows of report_store.paper_quality (PaperQuality)
    arxiv_id            text NOT NULL,
    formats             text[] NOT NULL,
    duplicate_entries   integer NOT NULL,
    conflicting_formats text[] NOT NULL,
    differing_formats   text[] NOT NULL
) ON COMMIT DELETE ROWS;

-- The lines of a snapshot being loaded, hashed before any of its records is stored (HeldRecords).
CREATE TEMP TABLE IF NOT EXISTS snapshot_lines (line integer NOT NULL, record_sha256 bytea NOT NULL) ON COMMIT DELETE ROWS;
