-- risk_measures: sector × measure_status → count of risks with a measure, and overdue
-- (measure_due before as_of and status not 'gjennomført'). A risk has a measure when
-- either the measure text or its status is filled in.
-- Streaming engine: the same result in any order of rows (counts, whole-number sums and
-- means, quantiles; ordered by the key). See queries/README.md, "engine".
--! engine = "streaming"
--! [columns]
--! kommunenummer = "code"
--! sector = "text"
--! measure_status = "code"
--! count = "count"
--! overdue = "count"
WITH m AS (
    SELECT kommunenummer, sector, COALESCE(measure_status, 'ikke angitt') AS measure_status,
           COALESCE(measure_due < {{as_of}}, FALSE)
             AND COALESCE(measure_status, '') <> 'gjennomført' AS overdue
    FROM risks
    WHERE measure IS NOT NULL OR measure_status IS NOT NULL
),
s AS (
    SELECT * FROM m
    UNION ALL
    SELECT kommunenummer, 'Hele kommunen' AS sector, measure_status, overdue FROM m
)
SELECT kommunenummer, sector, measure_status, COUNT(*) AS count,
       SUM(CASE WHEN overdue THEN 1 ELSE 0 END) AS overdue
FROM s GROUP BY kommunenummer, sector, measure_status
ORDER BY kommunenummer, sector, measure_status
