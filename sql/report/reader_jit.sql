-- Report queries run without JIT compilation for etl_reader (BI tools, analysts), in every database of
-- the cluster (the role exists only for this warehouse's report views; a per-database setting would not
-- follow a database copied with CREATE DATABASE … TEMPLATE):
-- compiling cost a full SELECT of report.revisions 0.15-0.4 s of its 1.1-1.5 s at 200,000 papers
-- (measured 2026-11-26), paid again on every query, and no report query ran faster with it. The
-- embedded cluster turns JIT off for every role (src/Etl.Data/Embedded/EmbeddedPostgres.cs).
-- Skipped, like the grants of reader_role.sql, where the role does not exist or may not be altered here.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'etl_reader')
       AND (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
        ALTER ROLE etl_reader SET jit = off;
    END IF;
END
$$;
