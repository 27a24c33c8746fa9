-- Of the records a snapshot digest stored (its evidence rows), how many are new (no record of the paper
-- was held before) and how many changed a paper that had a record from another file.
SELECT count(*) FILTER (WHERE NOT held) AS new_records,
       count(*) FILTER (WHERE held)     AS changed_records
FROM (SELECT EXISTS (SELECT 1 FROM warehouse.evidence o
                     WHERE o.arxiv_id = e.arxiv_id AND o.record_sha256 IS NOT NULL AND o.digest_id <> e.digest_id) AS held
      FROM warehouse.evidence e
      WHERE e.digest_id = @digest_id) AS stored;
