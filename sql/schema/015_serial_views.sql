-- Issue 23: the per-paper views (report.papers, report.paper_versions, report.revisions,
-- report.paper_authors) are planned without parallel workers.
--
-- Their queries return whole rows of a few papers to a few thousand (an id, a category and month, an
-- author), and a parallel plan ships every row, titles and abstracts included, from its workers to the
-- leader through shared memory, which PostgreSQL's cost model prices far below what it costs. On the
-- million-record warehouse a category and month (3,828 papers) took 73-102 ms with the parallel plan
-- PostgreSQL chose and 26-36 ms serially; at 200,000 papers a whole SELECT * of each view was as fast or
-- faster serially (docs/benchmarks.md). PostgreSQL has no per-view setting for this, and a setting of the
-- server or of a role would not reach every user; a query that calls a PARALLEL UNSAFE function is never
-- planned in parallel (PostgreSQL's documentation, "When Can Parallel Query Be Used?"), so each of those
-- views passes one of its columns through this function.
--
-- Every column passed through it is an integer (a version, a position). It costs nothing per row: a SQL function this simple is inlined (the plan shows the bare column, so an
-- index on it still serves), after the planner has seen it and ruled parallel plans out. Its EXECUTE stays
-- granted to PUBLIC (the default), as a function a view calls is called with the privileges of whoever
-- queries the view (etl_reader included).
CREATE FUNCTION report_store.serial_plan(value integer) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL UNSAFE
RETURN value;

COMMENT ON FUNCTION report_store.serial_plan(integer) IS 'Returns its argument; a query reading a view column passed through it is planned without parallel workers (sql/schema/015_serial_views.sql).';
