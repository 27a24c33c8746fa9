-- The peer of the snapshot import: what a PostgreSQL expert writes by hand to load arXiv's metadata
-- snapshot once. The JSON lines were COPYed into peer_staging (doc jsonb) just before, in the same
-- transaction; this fills the answer's five tables (Floors/final_rows.sql, the same keys as the floor)
-- with INSERT … SELECT: the latest metadata only, no history, no evidence, no normalization beyond
-- lowercasing author names for their key, and no care for malformed records (the generated snapshot's
-- are valid JSON with valid versions, or this fails like the hand-written script would).

INSERT INTO floor_final.papers (arxiv_id, latest_version, title, abstract, primary_category, published_at, updated_at,
                                doi, journal_ref, comment, fields_digest_id, fields_line)
SELECT doc->>'id',
       jsonb_array_length(doc->'versions'),
       doc->>'title',
       doc->>'abstract',
       split_part(doc->>'categories', ' ', 1),
       (doc->'versions'->0->>'created')::timestamptz,
       (doc->'versions'->-1->>'created')::timestamptz,
       doc->>'doi',
       doc->>'journal-ref',
       doc->>'comments',
       0,
       0
FROM peer_staging;

INSERT INTO floor_final.paper_versions (arxiv_id, version, submitted_at)
SELECT s.doc->>'id', substr(v->>'version', 2)::integer, (v->>'created')::timestamptz
FROM peer_staging s, jsonb_array_elements(s.doc->'versions') v;

CREATE TEMPORARY TABLE peer_authors ON COMMIT DROP AS
SELECT s.doc->>'id' AS arxiv_id,
       a.position::integer AS position,
       concat_ws(' ', nullif(a.item->>1, ''), nullif(a.item->>0, ''), nullif(a.item->>2, '')) AS display_name
FROM peer_staging s, jsonb_array_elements(s.doc->'authors_parsed') WITH ORDINALITY AS a (item, position);

INSERT INTO floor_final.authors (author_key, display_name)
SELECT DISTINCT ON (lower(display_name)) lower(display_name), display_name
FROM peer_authors
ORDER BY lower(display_name), display_name;

INSERT INTO floor_final.paper_authors (arxiv_id, position, author_key)
SELECT arxiv_id, position, lower(display_name)
FROM peer_authors;

INSERT INTO floor_final.paper_categories (arxiv_id, code, is_primary)
SELECT DISTINCT ON (s.doc->>'id', c.code) s.doc->>'id', c.code, c.n = 1
FROM peer_staging s, regexp_split_to_table(s.doc->>'categories', '\s+') WITH ORDINALITY AS c (code, n)
ORDER BY s.doc->>'id', c.code, c.n;
