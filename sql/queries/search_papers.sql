-- etl search and the report page's search box: report.search_papers with the caller's values as parameters.
SELECT arxiv_id, latest_version, title, authors, primary_category, published_at, rank, snippet
FROM report.search_papers(@query, @category, @since, @until, @max_rows);
