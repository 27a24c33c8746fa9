-- etl export --format arxiv-snapshot: one row per paper with what a record of arXiv's metadata snapshot
-- holds, in arxiv_id order (ArxivSnapshotExport writes each row as one JSON line in the snapshot's field order).
--
-- Invariants
--   * The fields are those of report.papers (authors as display names in order, the primary category first).
--   * versions and created list every known version in order, created null where no source gave a time.
--   * update_date is the newest date of the paper's evidence: a digest's date, or a snapshot record's own
--     update_date.
--   * submitter, report_no and license come from the snapshot record the paper's fields come from (null when
--     they come from a digest); authors_parsed too, but only where that record's names display exactly as the
--     paper's authors do now (a more frequent spelling elsewhere may have renamed one): the writer splits the
--     display names otherwise.
SELECT p.arxiv_id,
       f.submitter,
       r.authors,
       p.title,
       p.comment,
       p.journal_ref,
       p.doi,
       f.report_no,
       p.primary_category,
       r.categories,
       f.license,
       p.abstract,
       v.versions,
       v.created,
       u.update_date,
       CASE WHEN f.authors = r.authors THEN f.authors_parsed END AS authors_parsed
FROM warehouse.papers p
JOIN report.papers r ON r.arxiv_id = p.arxiv_id
LEFT JOIN warehouse.evidence f
       ON f.digest_id = p.fields_digest_id AND f.line = p.fields_line AND f.record_sha256 IS NOT NULL
JOIN (SELECT arxiv_id, array_agg(version ORDER BY version) AS versions, array_agg(submitted_at ORDER BY version) AS created
      FROM warehouse.paper_versions
      GROUP BY arxiv_id) v ON v.arxiv_id = p.arxiv_id
JOIN (SELECT e.arxiv_id, max(coalesce(e.record_date, d.digest_date)) AS update_date
      FROM warehouse.evidence e
      JOIN warehouse.digests d ON d.digest_id = e.digest_id
      GROUP BY e.arxiv_id) u ON u.arxiv_id = p.arxiv_id
-- In the primary key's order: the joins above walk it, so the rows stream without a sort of the texts.
ORDER BY p.arxiv_id
