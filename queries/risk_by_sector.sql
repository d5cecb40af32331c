-- risk_by_sector: the register (a snapshot: every row) per sector. Zones and the
-- measure rule come from the config: measure required when score > measure_threshold or
-- (when law_breach_requires_measure) the risk is a breach of law.
-- Streaming engine: the same result in any order of rows (counts, whole-number sums and
-- means, quantiles; ordered by the key). See queries/README.md, "engine".
--! engine = "streaming"
--! [columns]
--! kommunenummer = "code"
--! sector = "text"
--! risks = "count"
--! analyses = "count"
--! units_with_risks = "count"
--! mean_score = "mean"
--! red = "count"
--! yellow = "count"
--! green = "count"
--! needs_measure = "count"
--! needs_measure_without_measure = "count"
--! residual_assessed_share = "share"
--! review_overdue = "count"
--! stale = "count"
WITH r AS (
    SELECT kommunenummer, sector, analysis, unit, score, measure,
           CASE WHEN score <= {{green_max}} THEN 'grønn' WHEN score <= {{yellow_max}} THEN 'gul' ELSE 'rød' END AS zone,
           (score > {{measure_threshold}} OR ({{law_breach_requires_measure}} AND COALESCE(law_breach, FALSE))) AS needs,
           residual_probability IS NOT NULL AND residual_consequence IS NOT NULL AS residual_done,
           COALESCE(next_review_date < {{as_of}}, FALSE) AS overdue,
           COALESCE(assessed_date < {{as_of_minus_12m}}, TRUE) AS stale
    FROM risks
),
s AS (
    SELECT * FROM r
    UNION ALL
    SELECT kommunenummer, 'Hele kommunen' AS sector, analysis, unit, score, measure, zone, needs, residual_done, overdue, stale FROM r
),
agg AS (
    SELECT kommunenummer, sector,
           COUNT(*) AS risks,
           COUNT(DISTINCT analysis) AS analyses,
           COUNT(DISTINCT unit) AS units_with_risks,
           AVG(CAST(score AS DOUBLE)) AS mean_score,
           SUM(CASE WHEN zone = 'rød' THEN 1 ELSE 0 END) AS red,
           SUM(CASE WHEN zone = 'gul' THEN 1 ELSE 0 END) AS yellow,
           SUM(CASE WHEN zone = 'grønn' THEN 1 ELSE 0 END) AS green,
           SUM(CASE WHEN needs THEN 1 ELSE 0 END) AS needs_measure,
           SUM(CASE WHEN needs AND measure IS NULL THEN 1 ELSE 0 END) AS needs_measure_without_measure,
           SUM(CASE WHEN needs AND residual_done THEN 1 ELSE 0 END) AS needs_with_residual,
           SUM(CASE WHEN overdue THEN 1 ELSE 0 END) AS review_overdue,
           SUM(CASE WHEN stale THEN 1 ELSE 0 END) AS stale
    FROM s GROUP BY kommunenummer, sector
)
SELECT kommunenummer, sector, risks, analyses, units_with_risks, mean_score, red, yellow, green,
       needs_measure, needs_measure_without_measure,
       CAST(needs_with_residual AS DOUBLE) / NULLIF(needs_measure, 0) AS residual_assessed_share,
       review_overdue, stale
FROM agg
ORDER BY kommunenummer, sector
