-- risk_by_category: category × sector → count, mean_score, max_score.
--! [columns]
--! kommunenummer = "code"
--! category = "text"
--! sector = "text"
--! count = "count"
--! mean_score = "mean"
--! max_score = "score"
WITH r AS (
    SELECT kommunenummer, sector, COALESCE(category, 'ikke angitt') AS category, score FROM risks
    UNION ALL
    SELECT kommunenummer, 'Hele kommunen' AS sector, COALESCE(category, 'ikke angitt') AS category, score FROM risks
)
SELECT kommunenummer, category, sector, COUNT(*) AS count,
       AVG(CAST(score AS DOUBLE)) AS mean_score, MAX(score) AS max_score
FROM r GROUP BY kommunenummer, category, sector
ORDER BY kommunenummer, category, sector
