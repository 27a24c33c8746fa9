-- The report views' queries of issue 23 on the million-record warehouse (docs/benchmarks.md, "Report
-- views on the million-record warehouse"): the aggregate views whole, the per-paper views by id, by
-- category and month, and by author, written as docs/reporting.md ("Per-paper queries") gives them. The
-- values are those of the generated snapshot (`etl generate --snapshot-records 1000000`, seed 42). Run:
--   psql "<the warehouse>" -f bench/report-queries.sql
-- Every query runs twice, its rows sent to /dev/null; \timing prints the client's time of each.
\timing on
\o /dev/null
SELECT * FROM report.daily_submissions;
SELECT * FROM report.daily_submissions;
SELECT * FROM report.category_trends;
SELECT * FROM report.category_trends;
SELECT * FROM report.authors;
SELECT * FROM report.authors;
SELECT * FROM report.digests;
SELECT * FROM report.digests;
SELECT * FROM report.data_quality;
SELECT * FROM report.data_quality;
-- by id
SELECT * FROM report.papers WHERE arxiv_id = '1803.01234';
SELECT * FROM report.paper_versions WHERE arxiv_id = '1803.01234';
SELECT * FROM report.revisions WHERE arxiv_id = '1803.01234';
-- by category and month
SELECT * FROM report.papers WHERE 'cs.LG' = ANY (categories) AND published_at >= '2018-03-01' AND published_at < '2018-04-01';
SELECT * FROM report.papers WHERE 'cs.LG' = ANY (categories) AND published_at >= '2018-03-01' AND published_at < '2018-04-01';
SELECT * FROM report.papers WHERE primary_category = 'cs.LG' AND published_at >= '2018-03-01' AND published_at < '2018-04-01';
SELECT * FROM report.papers WHERE primary_category = 'cs.LG' AND published_at >= '2018-03-01' AND published_at < '2018-04-01';
SELECT * FROM report.paper_versions WHERE arxiv_id IN (SELECT arxiv_id FROM report.papers WHERE 'cs.LG' = ANY (categories) AND published_at >= '2018-03-01' AND published_at < '2018-04-01');
SELECT * FROM report.paper_versions WHERE arxiv_id IN (SELECT arxiv_id FROM report.papers WHERE 'cs.LG' = ANY (categories) AND published_at >= '2018-03-01' AND published_at < '2018-04-01');
SELECT * FROM report.revisions WHERE arxiv_id IN (SELECT arxiv_id FROM report.papers WHERE 'cs.LG' = ANY (categories) AND published_at >= '2018-03-01' AND published_at < '2018-04-01');
SELECT * FROM report.revisions WHERE arxiv_id IN (SELECT arxiv_id FROM report.papers WHERE 'cs.LG' = ANY (categories) AND published_at >= '2018-03-01' AND published_at < '2018-04-01');
-- by author
SELECT * FROM report.papers WHERE arxiv_id IN (SELECT arxiv_id FROM report.paper_authors WHERE display_name = 'Joël Okón');
SELECT * FROM report.papers WHERE arxiv_id IN (SELECT arxiv_id FROM report.paper_authors WHERE display_name = 'Joël Okón');
SELECT * FROM report.paper_versions WHERE arxiv_id IN (SELECT arxiv_id FROM report.paper_authors WHERE display_name = 'Joël Okón');
SELECT * FROM report.paper_versions WHERE arxiv_id IN (SELECT arxiv_id FROM report.paper_authors WHERE display_name = 'Joël Okón');
SELECT * FROM report.revisions WHERE arxiv_id IN (SELECT arxiv_id FROM report.paper_authors WHERE display_name = 'Joël Okón');
SELECT * FROM report.revisions WHERE arxiv_id IN (SELECT arxiv_id FROM report.paper_authors WHERE display_name = 'Joël Okón');
SELECT * FROM report.coauthorships_of('joel okon');
SELECT * FROM report.coauthorships_of('joel okon');
