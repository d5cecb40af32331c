-- risk_matrix: kind (inherent, residual) × probability × consequence → count, zone. Every
-- cell of the scale is present, zeros included (risk_cells is made from the config). The
-- residual matrix places each risk by its residual probability and consequence where both
-- are given, else where it was before measures (a risk without a residual assessment has
-- not moved), so both matrices count every risk.
-- Streaming engine: the same result in any order of rows (counts, whole-number sums and
-- means, quantiles; ordered by the key). See queries/README.md, "engine".
--! engine = "streaming"
--! [columns]
--! kommunenummer = "code"
--! kind = "code"
--! probability = "code"
--! consequence = "code"
--! count = "count"
--! zone = "code"
WITH k AS (SELECT DISTINCT kommunenummer FROM risks),
cells AS (
    SELECT k.kommunenummer, c.kind, c.probability, c.consequence, c.zone
    FROM k CROSS JOIN risk_cells c
),
-- Each kind counted over the risks on its own, then stacked (stacking the risks first
-- held every risk twice).
obs AS (
    SELECT kommunenummer, 'inherent' AS kind, probability, consequence, COUNT(*) AS n
    FROM risks GROUP BY kommunenummer, probability, consequence
    UNION ALL
    SELECT kommunenummer, 'residual' AS kind, probability, consequence, COUNT(*) AS n
    FROM (
        SELECT kommunenummer,
               CASE WHEN residual_probability IS NOT NULL AND residual_consequence IS NOT NULL
                    THEN residual_probability ELSE probability END AS probability,
               CASE WHEN residual_probability IS NOT NULL AND residual_consequence IS NOT NULL
                    THEN residual_consequence ELSE consequence END AS consequence
        FROM risks
    ) r
    GROUP BY kommunenummer, probability, consequence
)
SELECT cells.kommunenummer, cells.kind, cells.probability, cells.consequence,
       COALESCE(obs.n, 0) AS count, cells.zone
FROM cells
LEFT JOIN obs ON cells.kommunenummer = obs.kommunenummer AND cells.kind = obs.kind
             AND cells.probability = obs.probability AND cells.consequence = obs.consequence
ORDER BY cells.kommunenummer, cells.kind, cells.probability, cells.consequence
