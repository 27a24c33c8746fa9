-- After the batch's digests and evidence are in. The loader has staged, while parsing, the papers the
-- batch touches (touched_papers) and how many of its entries used each author spelling
-- (staged_spellings). Only these papers and authors can change.

-- Every entry counts once per spelling it uses (detailed and listing; compact entries have no authors); a file content is stored once, so a file
-- offered twice is never counted twice.
INSERT INTO warehouse.author_variants AS v (author_key, spelling, entries)
SELECT author_key, spelling, entries FROM staged_spellings
ON CONFLICT (author_key, spelling) DO UPDATE SET entries = v.entries + excluded.entries;

INSERT INTO touched_authors (author_key)
SELECT DISTINCT author_key FROM staged_spellings;

ANALYZE touched_papers;
ANALYZE touched_authors;
