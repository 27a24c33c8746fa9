-- Whether a session of this database waits for the load lock of begin_batch.sql (same key; PostgreSQL
-- shows a bigint advisory key as classid = its high 32 bits, objid = its low 32 bits, objsubid = 1).
-- Asked by a load that holds the lock (the service's LoadFilesJob, through QueuedLoads): the waiting
-- load takes the lock once this one commits, and drains the report stores when it ends.
SELECT EXISTS (
    SELECT FROM pg_locks
    WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND ((classid::bigint << 32) | objid::bigint) = 7461002001);
