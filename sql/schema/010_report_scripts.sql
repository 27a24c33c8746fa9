-- Schema report is no longer built by the migrations: sql/report holds one current definition per view
-- and function, applied after the migrations whenever its text changed (ReportScripts, in
-- migrations/Etl.Migrations), as Flyway's repeatable migrations are. This table records what was applied.
--
-- Invariant: a row says that the script at `script` (a path such as sql/report/papers.sql) was applied
-- with exactly the text whose SHA-256 is `sha256`; the runner applies a script again when its text, and
-- so its checksum, differs, or when the object it defines is missing.
CREATE TABLE warehouse.report_scripts (
    script     text PRIMARY KEY,
    sha256     bytea NOT NULL CHECK (length(sha256) = 32),
    applied_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE warehouse.report_scripts IS 'The repeatable scripts (sql/report, sql/roles) applied to this database, with the checksum of the text applied.';

-- The layout the migrations left before: report.data_quality appended a row to
-- report_store.data_quality_base, the former report.data_quality renamed and moved, which kept the SELECT
-- grant it had been given in schema report. Both go; sql/report/data_quality.sql defines the view whole.
DROP VIEW IF EXISTS report.data_quality;
DROP VIEW IF EXISTS report_store.data_quality_base;

-- A grant must not outlive the object it was meant for: etl_reader holds grants on schema report only.
-- Whatever it was given outside it (relations moved out of report kept their grants) is revoked.
DO $$
DECLARE
    stray record;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'etl_reader') THEN
        RETURN;
    END IF;

    FOR stray IN
        SELECT c.oid::regclass AS relation
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname <> 'report'
          AND EXISTS (SELECT FROM aclexplode(c.relacl) a WHERE a.grantee = 'etl_reader'::regrole)
    LOOP
        EXECUTE format('REVOKE ALL ON %s FROM etl_reader', stray.relation);
    END LOOP;
END
$$;
