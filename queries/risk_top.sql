-- risk_top: the N (config analytics.risk_top_n, default 10) highest-scoring risks per
-- municipality, highest consequence first among equal scores, then by id. Hazard text is
-- allowed here: it describes a risk, not a person.
--! [columns]
--! kommunenummer = "code"
--! rank = "code"
--! id = "code"
--! sector = "text"
--! unit = "text"
--! analysis = "text"
--! category = "text"
--! hazard = "text"
--! probability = "code"
--! consequence = "code"
--! score = "score"
--! residual_score = "score"
--! measure_status = "code"
WITH r AS (
    SELECT kommunenummer, id, sector, unit, analysis, category, hazard, probability, consequence, score,
           CASE WHEN residual_probability IS NOT NULL AND residual_consequence IS NOT NULL
                THEN residual_probability * residual_consequence END AS residual_score,
           measure_status,
           -score AS by_score, -consequence AS by_consequence
    FROM risks
),
ranked AS (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY kommunenummer ORDER BY by_score, by_consequence, id) AS rank
    FROM r
)
SELECT kommunenummer, rank, id, sector, unit, analysis, category, hazard, probability, consequence,
       score, residual_score, measure_status
FROM ranked
WHERE rank <= {{risk_top_n}}
ORDER BY kommunenummer, rank
