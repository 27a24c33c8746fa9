-- After the batch's digests and evidence are in. The loader has staged the papers the batch touches
-- (touched_papers) and how many of its entries used each author spelling (staged_spellings: gathered
-- while parsing, or read back from the evidence by touch_from_evidence.sql, so one spelling may have
-- several rows). Only these papers and authors can change.

-- Every entry counts once per spelling it uses (detailed and listing; compact entries have no authors);
-- a file content is stored once, so a file offered twice is never counted twice.
INSERT INTO warehouse.author_variants AS v (author_key, spelling, entries)
SELECT author_key, spelling, sum(entries)::bigint FROM staged_spellings GROUP BY author_key, spelling
ON CONFLICT (author_key, spelling) DO UPDATE SET entries = v.entries + excluded.entries;

INSERT INTO touched_authors (author_key)
SELECT DISTINCT author_key FROM staged_spellings;

ANALYZE touched_papers;
ANALYZE touched_authors;
