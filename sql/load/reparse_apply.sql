-- etl reparse: the digests of the batch now say what today's rules found in them. sha256, path, bytes
-- and loaded_at describe the content and when it first arrived, which a reparse does not change.
-- rules_version is set later, in the transaction of the rebuild that follows (WarehouseReparse).
UPDATE warehouse.digests d
SET format = r.format,
    category = r.category,
    digest_date = r.digest_date,
    entries = r.entries,
    rejected_entries = r.rejected_entries,
    outcome = r.outcome,
    mojibake_repairs = r.mojibake_repairs
FROM reparsed_digests r
WHERE d.digest_id = r.digest_id;
