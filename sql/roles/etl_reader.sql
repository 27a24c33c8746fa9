-- etl_reader: the role analysts and BI tools connect as. It reads the report views, calls the report
-- functions, and nothing else: views run with their owner's privileges and the functions that read
-- report_store are SECURITY DEFINER, so it needs no grant on the warehouse, report_store, staging or
-- Hangfire tables, and it has no write privilege anywhere. Every grant it holds is on schema report
-- (ReaderRoleTests checks the catalog).
--
-- Applied after the definitions of sql/report whenever one of them was applied (a function created
-- again has lost its grants) or this text changed (migrations/Etl.Migrations/ReportScripts.cs), and by
-- `etl reader`. Roles are cluster-wide (several databases may share one cluster), so the role is created
-- only when it does not exist yet, and NOLOGIN: `etl reader --password-from-env VAR` gives it a login.
-- Where the migrating role may not create roles, the migration goes on without it and says so (NOTICE);
-- an administrator creates it with the SQL `etl reader` prints, which includes these grants.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'etl_reader') THEN
        IF (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
            CREATE ROLE etl_reader NOLOGIN;
            COMMENT ON ROLE etl_reader IS 'Read-only access to the report views of the arXiv digest warehouse (schema report).';
        ELSE
            RAISE NOTICE 'role etl_reader does not exist and % may not create roles: run `etl reader` for the SQL an administrator can run', current_user;
            RETURN;
        END IF;
    END IF;

    GRANT USAGE ON SCHEMA report TO etl_reader;
    GRANT SELECT ON ALL TABLES IN SCHEMA report TO etl_reader;
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA report TO etl_reader;
    -- Views and functions later added to schema report by this role (the migrations') are usable too.
    ALTER DEFAULT PRIVILEGES IN SCHEMA report GRANT SELECT ON TABLES TO etl_reader;
    ALTER DEFAULT PRIVILEGES IN SCHEMA report GRANT EXECUTE ON FUNCTIONS TO etl_reader;

    -- Report queries run without JIT compilation, in every database of the cluster (a per-database
    -- setting would not follow a database copied with CREATE DATABASE … TEMPLATE): compiling cost a full
    -- SELECT of report.revisions 0.15-0.4 s of its 1.1-1.5 s at 200,000 papers (measured 2026-11-26),
    -- paid again on every query, and no report query ran faster with it. The embedded cluster turns JIT
    -- off for every role (src/Etl.Data/Embedded/EmbeddedPostgres.cs). Set only where it is not yet:
    -- the setting is shared by every database of the cluster, whose migrations may run at once.
    IF (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user)
       AND NOT EXISTS (SELECT FROM pg_db_role_setting
                       WHERE setrole = 'etl_reader'::regrole AND setdatabase = 0 AND 'jit=off' = ANY (setconfig)) THEN
        ALTER ROLE etl_reader SET jit = off;
    END IF;
END
$$;
