-- Chart "daily submissions": new papers and revisions per UTC day, the latest 60 days that had any.
SELECT submission_date, sum(new_papers)::integer AS new_papers, sum(new_versions)::integer AS new_versions
FROM report.daily_submissions
GROUP BY submission_date
ORDER BY submission_date DESC
LIMIT 60;
