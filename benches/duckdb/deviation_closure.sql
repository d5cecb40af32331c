-- DuckDB's spelling of queries/deviation_closure.sql (benches/duckdb/compare_queries.py
-- uses it there): a - b on two dates is already whole days in DuckDB, which cannot CAST a
-- DATE to INTEGER. The rest is the same text; keep the two side by side when either changes.
-- deviation_closure: per sector, over the deviations reported in the report year (a
-- cohort): reported, closed (on or before as_of), closed_share, median and p90 days to
-- close (linear interpolation) over the closed ones, closed_within_90d_share; and over
-- everything reported on or before as_of and not closed by then: the open backlog by age.
-- A deviation counts as closed only by its closed_date (status alone is not dated).
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
-- Aggregated per sector and per whole municipality, then stacked: stacking the rows
-- first (every deviation twice) held 2.8 million rows in memory for the national set.
agg AS (
    SELECT kommunenummer, sector,
           SUM(CASE WHEN cohort THEN 1 ELSE 0 END) AS reported,
           SUM(CASE WHEN cohort AND closed_ok THEN 1 ELSE 0 END) AS closed,
           MEDIAN(CASE WHEN cohort AND closed_ok THEN days END) AS median_days_to_close,
           QUANTILE_CONT(CASE WHEN cohort AND closed_ok THEN days END, 0.9) AS p90_days_to_close,
           SUM(CASE WHEN cohort AND closed_ok AND days <= 90 THEN 1 ELSE 0 END) AS closed_within_90d,
           SUM(CASE WHEN reported_by_as_of AND NOT closed_ok THEN 1 ELSE 0 END) AS open_at_as_of,
           SUM(CASE WHEN reported_by_as_of AND NOT closed_ok AND age <= 30 THEN 1 ELSE 0 END) AS open_0_30,
           SUM(CASE WHEN reported_by_as_of AND NOT closed_ok AND age BETWEEN 31 AND 90 THEN 1 ELSE 0 END) AS open_31_90,
           SUM(CASE WHEN reported_by_as_of AND NOT closed_ok AND age BETWEEN 91 AND 180 THEN 1 ELSE 0 END) AS open_91_180,
           SUM(CASE WHEN reported_by_as_of AND NOT closed_ok AND age > 180 THEN 1 ELSE 0 END) AS open_over_180
    FROM d GROUP BY kommunenummer, sector
    UNION ALL
    SELECT kommunenummer, 'Hele kommunen' AS sector,
           SUM(CASE WHEN cohort THEN 1 ELSE 0 END) AS reported,
           SUM(CASE WHEN cohort AND closed_ok THEN 1 ELSE 0 END) AS closed,
           MEDIAN(CASE WHEN cohort AND closed_ok THEN days END) AS median_days_to_close,
           QUANTILE_CONT(CASE WHEN cohort AND closed_ok THEN days END, 0.9) AS p90_days_to_close,
           SUM(CASE WHEN cohort AND closed_ok AND days <= 90 THEN 1 ELSE 0 END) AS closed_within_90d,
           SUM(CASE WHEN reported_by_as_of AND NOT closed_ok THEN 1 ELSE 0 END) AS open_at_as_of,
           SUM(CASE WHEN reported_by_as_of AND NOT closed_ok AND age <= 30 THEN 1 ELSE 0 END) AS open_0_30,
           SUM(CASE WHEN reported_by_as_of AND NOT closed_ok AND age BETWEEN 31 AND 90 THEN 1 ELSE 0 END) AS open_31_90,
           SUM(CASE WHEN reported_by_as_of AND NOT closed_ok AND age BETWEEN 91 AND 180 THEN 1 ELSE 0 END) AS open_91_180,
           SUM(CASE WHEN reported_by_as_of AND NOT closed_ok AND age > 180 THEN 1 ELSE 0 END) AS open_over_180
    FROM d GROUP BY kommunenummer
)
SELECT kommunenummer, sector, reported, closed,
       CAST(closed AS DOUBLE) / NULLIF(reported, 0) AS closed_share,
       CAST(median_days_to_close AS DOUBLE) AS median_days_to_close,
       CAST(p90_days_to_close AS DOUBLE) AS p90_days_to_close,
       CAST(closed_within_90d AS DOUBLE) / NULLIF(reported, 0) AS closed_within_90d_share,
       open_at_as_of, open_0_30, open_31_90, open_91_180, open_over_180
FROM agg
ORDER BY kommunenummer, sector
