-- etl_reader: the role analysts and BI tools connect as. It reads the report views and nothing else:
-- views run with their owner's privileges, so it needs no grant on the warehouse, report_store,
-- staging or Hangfire tables, and it has no write privilege anywhere.
--
-- Roles are cluster-wide (several databases may share one cluster), so the role is created only when
-- it does not exist yet, and NOLOGIN: `etl reader --password-from-env VAR` gives it a login. Where the
-- migrating role may not create roles, the migration goes on without it and says so (NOTICE); an
-- administrator creates it with the SQL `etl reader` prints, and the next migration grants.
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
    -- Views later added to schema report by this role (the migrations') are readable too.
    ALTER DEFAULT PRIVILEGES IN SCHEMA report GRANT SELECT ON TABLES TO etl_reader;
END
$$;
