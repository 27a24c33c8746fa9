-- Chart "daily submissions": submissions (new papers and revisions) per UTC day, the latest 60 days that had any.
SELECT submission_date, (sum(new_papers) + sum(new_versions))::integer AS submissions
FROM report.daily_submissions
GROUP BY submission_date
ORDER BY submission_date DESC
LIMIT 60;
