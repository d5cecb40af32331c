-- deviation_root_causes: root_cause → count, share, cumulative_share, in Pareto order
-- (largest first; ties by name). A blank root cause is its own row 'ikke angitt'.
-- Deviations reported in the report year.
-- Streaming engine: the same result in any order of rows (counts, whole-number sums and
-- means, quantiles; ordered by the key). See queries/README.md, "engine".
--! engine = "streaming"
--! [columns]
--! kommunenummer = "code"
--! root_cause = "text"
--! count = { kind = "count", size = "self" }
--! share = { kind = "share", size = "count" }
--! cumulative_share = "share"
WITH counts AS (
    SELECT kommunenummer, COALESCE(root_cause, 'ikke angitt') AS root_cause, COUNT(*) AS count
    FROM deviations
    WHERE reported_date BETWEEN {{year_start}} AND {{year_end}}
    GROUP BY kommunenummer, COALESCE(root_cause, 'ikke angitt')
),
shares AS (
    SELECT kommunenummer, root_cause, count, -count AS pareto_order,
           CAST(count AS DOUBLE) / SUM(count) OVER (PARTITION BY kommunenummer) AS share
    FROM counts
)
SELECT kommunenummer, root_cause, count, share,
       SUM(share) OVER (PARTITION BY kommunenummer ORDER BY pareto_order, root_cause
                        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative_share
FROM shares
ORDER BY kommunenummer, count DESC, root_cause
