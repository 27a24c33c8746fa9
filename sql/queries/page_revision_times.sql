-- Chart "time from v1 to the latest version": revised papers (latest version > 1 with both times known)
-- per bucket of days; every bucket is returned, empty ones with 0.
WITH buckets (position, label, low, high) AS (
    VALUES (1, '< 1 week', 0, 7), (2, '1-4 weeks', 7, 28), (3, '1-3 months', 28, 91),
           (4, '3-6 months', 91, 182), (5, '6-12 months', 182, 365), (6, '> 1 year', 365, NULL)
)
SELECT b.label, count(r.arxiv_id)::integer AS papers
FROM buckets b
LEFT JOIN report.revisions r
       ON r.latest_version > 1
      AND r.days_v1_to_latest >= b.low
      AND (b.high IS NULL OR r.days_v1_to_latest < b.high)
GROUP BY b.position, b.label
ORDER BY b.position;
