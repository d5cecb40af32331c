-- risk_by_category: category × sector → count, mean_score, max_score.
-- Streaming engine: the same result in any order of rows (counts, whole-number sums and
-- means, quantiles; ordered by the key). See queries/README.md, "engine".
--! engine = "streaming"
--! [columns]
--! kommunenummer = "code"
--! category = "text"
--! sector = "text"
--! count = "count"
--! mean_score = "mean"
--! max_score = "score"
WITH r AS (
    SELECT kommunenummer, sector, COALESCE(category, 'ikke angitt') AS category, score FROM risks
)
-- Grouped per sector and per whole municipality, then stacked (not the risks stacked
-- twice before grouping).
SELECT kommunenummer, category, sector, COUNT(*) AS count,
       AVG(CAST(score AS DOUBLE)) AS mean_score, MAX(score) AS max_score
FROM r GROUP BY kommunenummer, category, sector
UNION ALL
SELECT kommunenummer, category, 'Hele kommunen' AS sector, COUNT(*) AS count,
       AVG(CAST(score AS DOUBLE)) AS mean_score, MAX(score) AS max_score
FROM r GROUP BY kommunenummer, category
ORDER BY kommunenummer, category, sector
