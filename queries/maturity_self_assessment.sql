-- maturity_self_assessment: sector × dimension → n (assessors), current mean/min/max/sd
-- (sample standard deviation), ambition_mean and gap (ambition − current). Uses each
-- assessor's latest assessment per dimension (maturity_latest). KS advises scoring
-- individually first, then comparing: the spread is the point.
--! [columns]
--! kommunenummer = "code"
--! sector = "text"
--! dimension = "text"
--! n = { kind = "count", size = "self" }
--! current_mean = { kind = "mean", size = "n" }
--! current_min = { kind = "score", size = "n" }
--! current_max = { kind = "score", size = "n" }
--! current_sd = { kind = "mean", size = "n" }
--! ambition_mean = { kind = "mean", size = "n" }
--! gap = { kind = "mean", size = "n" }
WITH m AS (
    SELECT kommunenummer, sector, dimension, current_level, ambition_level FROM maturity_latest
    UNION ALL
    SELECT kommunenummer, 'Hele kommunen' AS sector, dimension, current_level, ambition_level FROM maturity_latest
)
SELECT kommunenummer, sector, dimension, COUNT(*) AS n,
       AVG(CAST(current_level AS DOUBLE)) AS current_mean,
       MIN(current_level) AS current_min,
       MAX(current_level) AS current_max,
       STDDEV(CAST(current_level AS DOUBLE)) AS current_sd,
       AVG(CAST(ambition_level AS DOUBLE)) AS ambition_mean,
       AVG(CAST(ambition_level AS DOUBLE)) - AVG(CAST(current_level AS DOUBLE)) AS gap
FROM m
GROUP BY kommunenummer, sector, dimension
ORDER BY kommunenummer, sector, dimension
