-- Papers and versions the touched papers had before this batch: the summary reports the difference.
SELECT (SELECT count(*) FROM warehouse.papers WHERE arxiv_id IN (SELECT arxiv_id FROM touched_papers)),
       (SELECT count(*) FROM warehouse.paper_versions WHERE arxiv_id IN (SELECT arxiv_id FROM touched_papers));
