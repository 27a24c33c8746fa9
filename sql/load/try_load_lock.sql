-- The load lock of begin_batch.sql (same key), taken only if no session holds it: true when taken. For
-- a drain of what earlier loads left behind (the service's scans, WarehouseLoader.DrainLeftBehindAsync):
-- a load that holds the lock drains when it ends, or leaves that to a load queued behind it, so waiting
-- for it would only keep a worker busy.
SELECT pg_try_advisory_xact_lock(7461002001);
