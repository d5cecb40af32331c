-- DuckDB's spelling of queries/deviation_closure.sql (benches/duckdb/compare_queries.py
-- uses it there): a - b on two dates is already whole days in DuckDB, which cannot CAST a
-- DATE to INTEGER. The rest is the same text; keep the two side by side when either changes.
-- deviation_closure: per sector, over the deviations reported in the report year (a
-- cohort): reported, closed (on or before as_of), closed_share, median and p90 days to
-- close (linear interpolation) over the closed ones, closed_within_90d_share; and over
-- everything reported on or before as_of and not closed by then: the open backlog by age.
-- A deviation counts as closed only by its closed_date (status alone is not dated).
-- Streaming engine: the same result in any order of rows (counts, whole-number sums and
-- means, quantiles; ordered by the key). See queries/README.md, "engine".
--! engine = "streaming"
--! [columns]
--! kommunenummer = "code"
--! sector = "text"
--! reported = { kind = "count", size = "self" }
--! closed = { kind = "count", size = "self" }
--! closed_share = { kind = "share", size = "reported" }
--! median_days_to_close = { kind = "days", size = "closed" }
--! p90_days_to_close = { kind = "days", size = "closed" }
--! closed_within_90d_share = { kind = "share", size = "reported" }
--! open_at_as_of = { kind = "count", size = "self" }
--! open_0_30 = { kind = "count", size = "self" }
--! open_31_90 = { kind = "count", size = "self" }
--! open_91_180 = { kind = "count", size = "self" }
--! open_over_180 = { kind = "count", size = "self" }
WITH d AS (
    SELECT kommunenummer, sector,
           reported_date BETWEEN {{year_start}} AND {{year_end}} AS cohort,
           reported_date <= {{as_of}} AS reported_by_as_of,
           COALESCE(closed_date <= {{as_of}}, FALSE) AS closed_ok,
           closed_date - reported_date AS days,
           {{as_of}} - reported_date AS age
    FROM deviations
),
-- The counts per sector in one pass; the whole municipality's are their sums. Medians
-- do not add up: they are taken over the report year's closed deviations only (a fifth
-- of the rows), per sector and per municipality.
counts AS (
    SELECT kommunenummer, sector,
           SUM(CASE WHEN cohort THEN 1 ELSE 0 END) AS reported,
           SUM(CASE WHEN cohort AND closed_ok THEN 1 ELSE 0 END) AS closed,
           SUM(CASE WHEN cohort AND closed_ok AND days <= 90 THEN 1 ELSE 0 END) AS closed_within_90d,
           SUM(CASE WHEN reported_by_as_of AND NOT closed_ok THEN 1 ELSE 0 END) AS open_at_as_of,
           SUM(CASE WHEN reported_by_as_of AND NOT closed_ok AND age <= 30 THEN 1 ELSE 0 END) AS open_0_30,
           SUM(CASE WHEN reported_by_as_of AND NOT closed_ok AND age BETWEEN 31 AND 90 THEN 1 ELSE 0 END) AS open_31_90,
           SUM(CASE WHEN reported_by_as_of AND NOT closed_ok AND age BETWEEN 91 AND 180 THEN 1 ELSE 0 END) AS open_91_180,
           SUM(CASE WHEN reported_by_as_of AND NOT closed_ok AND age > 180 THEN 1 ELSE 0 END) AS open_over_180
    FROM d GROUP BY kommunenummer, sector
),
closed AS (
    SELECT kommunenummer, sector, days FROM d WHERE cohort AND closed_ok
),
quantiles AS (
    SELECT kommunenummer, sector,
           MEDIAN(days) AS median_days_to_close,
           QUANTILE_CONT(days, 0.9) AS p90_days_to_close
    FROM closed GROUP BY kommunenummer, sector
    UNION ALL
    SELECT kommunenummer, 'Hele kommunen' AS sector,
           MEDIAN(days) AS median_days_to_close,
           QUANTILE_CONT(days, 0.9) AS p90_days_to_close
    FROM closed GROUP BY kommunenummer
),
all_counts AS (
    SELECT * FROM counts
    UNION ALL
    SELECT kommunenummer, 'Hele kommunen' AS sector,
           SUM(reported) AS reported, SUM(closed) AS closed,
           SUM(closed_within_90d) AS closed_within_90d, SUM(open_at_as_of) AS open_at_as_of,
           SUM(open_0_30) AS open_0_30, SUM(open_31_90) AS open_31_90,
           SUM(open_91_180) AS open_91_180, SUM(open_over_180) AS open_over_180
    FROM counts GROUP BY kommunenummer
)
SELECT c.kommunenummer, c.sector, c.reported, c.closed,
       CAST(c.closed AS DOUBLE) / NULLIF(c.reported, 0) AS closed_share,
       CAST(q.median_days_to_close AS DOUBLE) AS median_days_to_close,
       CAST(q.p90_days_to_close AS DOUBLE) AS p90_days_to_close,
       CAST(c.closed_within_90d AS DOUBLE) / NULLIF(c.reported, 0) AS closed_within_90d_share,
       c.open_at_as_of, c.open_0_30, c.open_31_90, c.open_91_180, c.open_over_180
FROM all_counts c
LEFT JOIN quantiles q ON c.kommunenummer = q.kommunenummer AND c.sector = q.sector
ORDER BY c.kommunenummer, c.sector
