-- All evidence about one range of the papers the batch touched (old and new; @after < arxiv_id <= @last,
-- see KeyRanges), grouped by paper, with the rank key of each entry. Texts are left where they are: the
-- rules only need these facts. Categories travel only for formats whose entries carry their file's
-- category (@digest_category_formats, from SourceFormats). A snapshot record ranks by its own date and line
-- hash (record_date, record_sha256) and lists its versions with their timestamps. text_hash stands for
-- the entry's title and abstract in its paper's quality facts (PaperQuality; the same hash as
-- refresh_paper_quality.sql, the facts' definition in SQL): the row is read here anyway, so the texts
-- are hashed where they lie instead of being read again by a second query.
SELECT e.arxiv_id,
       e.digest_id,
       d.digest_date,
       d.sha256,
       e.line,
       e.format,
       e.version,
       e.published_at,
       e.updated_at,
       CASE WHEN e.format = ANY(@digest_category_formats) THEN e.categories END AS digest_categories,
       e.record_date,
       e.record_sha256,
       e.versions,
       e.versions_created,
       hashtextextended(coalesce(e.title, '') || E'\n' || coalesce(e.abstract, ''), 0) AS text_hash
FROM warehouse.evidence e
JOIN warehouse.digests d ON d.digest_id = e.digest_id
WHERE e.arxiv_id IN (SELECT arxiv_id FROM touched_papers
                     WHERE (@after::text IS NULL OR arxiv_id > @after) AND arxiv_id <= @last)
ORDER BY e.arxiv_id COLLATE "C";
