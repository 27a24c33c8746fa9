-- Replace the derived rows of every touched paper with what reconciliation staged. Values are copied
-- from the evidence entry each staged row points at, so texts never travel to the client and back.
--
-- Invariant: after this, each touched paper's rows are exactly the staged state; untouched papers are
-- unchanged (their evidence did not change, so neither did their state).

-- The names were chosen by AuthorNames, which also staged the authors they rename (renamed_authors).
INSERT INTO warehouse.authors AS a (author_key, display_name)
SELECT author_key, display_name FROM staged_authors
ON CONFLICT (author_key) DO UPDATE SET display_name = excluded.display_name
WHERE a.display_name IS DISTINCT FROM excluded.display_name;

-- The touched papers' rows go set-based, children first: a large batch runs with the papers' foreign
-- keys set aside (sql/load/keys_set_aside.sql), so no ON DELETE CASCADE would remove them (and with the
-- keys in place, the cascade then finds nothing left to do). compact_versions has no key to the papers
-- at all (sql/schema/014_load_keys.sql).
DELETE FROM warehouse.compact_versions WHERE arxiv_id IN (SELECT arxiv_id FROM touched_papers);
DELETE FROM warehouse.paper_versions WHERE arxiv_id IN (SELECT arxiv_id FROM touched_papers);
DELETE FROM warehouse.paper_authors WHERE arxiv_id IN (SELECT arxiv_id FROM touched_papers);
DELETE FROM warehouse.paper_categories WHERE arxiv_id IN (SELECT arxiv_id FROM touched_papers);
DELETE FROM warehouse.papers WHERE arxiv_id IN (SELECT arxiv_id FROM touched_papers);

-- Unknown codes are kept (with a null name) rather than dropped.
INSERT INTO warehouse.categories (code)
SELECT DISTINCT c.code
FROM staged_papers s
JOIN warehouse.evidence e ON e.digest_id = s.fields_digest_id AND e.line = s.fields_line
CROSS JOIN LATERAL unnest(coalesce(s.compact_categories, e.categories)) AS c (code)
ON CONFLICT (code) DO NOTHING;

INSERT INTO warehouse.papers (arxiv_id, latest_version, title, abstract, primary_category, published_at,
                              updated_at, doi, journal_ref, comment, fields_digest_id, fields_line)
SELECT s.arxiv_id, s.latest_version, e.title, e.abstract, e.primary_category, s.published_at,
       s.updated_at, e.doi, e.journal_ref, e.comment, s.fields_digest_id, s.fields_line
FROM staged_papers s
JOIN warehouse.evidence e ON e.digest_id = s.fields_digest_id AND e.line = s.fields_line;

INSERT INTO warehouse.paper_versions (arxiv_id, version, submitted_at, title, abstract, source, text_digest_id, text_line)
SELECT v.arxiv_id, v.version, v.submitted_at, e.title, e.abstract, e.format, v.text_digest_id, v.text_line
FROM staged_versions v
LEFT JOIN warehouse.evidence e ON e.digest_id = v.text_digest_id AND e.line = v.text_line;

INSERT INTO warehouse.paper_authors (arxiv_id, position, author_key)
SELECT s.arxiv_id, a.position, a.author_key
FROM staged_papers s
JOIN warehouse.evidence e ON e.digest_id = s.fields_digest_id AND e.line = s.fields_line
CROSS JOIN LATERAL unnest(e.author_keys) WITH ORDINALITY AS a (author_key, position);

INSERT INTO warehouse.paper_categories (arxiv_id, code, is_primary)
SELECT s.arxiv_id, c.code, coalesce(c.code = e.primary_category, false)
FROM staged_papers s
JOIN warehouse.evidence e ON e.digest_id = s.fields_digest_id AND e.line = s.fields_line
CROSS JOIN LATERAL unnest(coalesce(s.compact_categories, e.categories)) AS c (code);

INSERT INTO warehouse.compact_versions (digest_id, line, arxiv_id, version)
SELECT digest_id, line, arxiv_id, version FROM staged_compact_versions;
