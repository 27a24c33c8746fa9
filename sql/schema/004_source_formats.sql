-- Source formats are rows of a table, not values spelled out in CHECK constraints: a new format is a row
-- (written from Etl.Core's SourceFormats list), not an edit of the tables and views that name formats.
--
-- Invariants
--   * source_formats holds exactly the formats of SourceFormats.All in Etl.Core, which is the source of
--     truth: this migration inserts them, and the migrator writes the list again after every migration
--     (new formats, new descriptions). Rows are never deleted: evidence may still name them.
--   * precedence is unique: a version's text comes from its entry of the highest-precedence format, a
--     paper's fields from the highest-precedence format that has any text (the reconciler applies this in C#;
--     the column documents it for people querying the warehouse).

CREATE TABLE warehouse.source_formats (
    format      text PRIMARY KEY,
    precedence  integer NOT NULL UNIQUE DEFERRABLE INITIALLY DEFERRED,  -- higher wins; deferred so a rewrite may swap two
    description text NOT NULL
);

COMMENT ON TABLE warehouse.source_formats IS 'The source formats the loader reads, with their precedence (higher wins); the same rows as SourceFormats.All in Etl.Core.';
