-- deviation_counts: year × sector × type → count, per_100_employees, share_of_year.
-- All years in the data (02-analytics.md). per_100_employees is null without a units
-- table, and uses the units that exist at as_of (units_current) for every year;
-- share_of_year is the share of that year's total in the municipality.
-- Streaming engine: the same result in any order of rows (counts, whole-number sums and
-- means, quantiles; ordered by the key). See queries/README.md, "engine".
--! engine = "streaming"
--! [columns]
--! kommunenummer = "code"
--! year = "code"
--! sector = "text"
--! type = "code"
--! count = { kind = "count", size = "self" }
--! per_100_employees = { kind = "rate", size = "count" }
--! share_of_year = { kind = "share", size = "count" }
WITH base AS (
    SELECT kommunenummer, CAST(EXTRACT(YEAR FROM reported_date) AS INTEGER) AS year, sector, type
    FROM deviations
),
-- One pass over the deviations; the whole municipality and the year totals are sums of
-- the sector counts (grouping all the rows three times held three sets of keys).
by_sector AS (
    SELECT kommunenummer, year, sector, type, COUNT(*) AS count
    FROM base GROUP BY kommunenummer, year, sector, type
),
counts AS (
    SELECT kommunenummer, year, sector, type, count FROM by_sector
    UNION ALL
    SELECT kommunenummer, year, 'Hele kommunen' AS sector, type, SUM(count) AS count
    FROM by_sector GROUP BY kommunenummer, year, type
),
-- Årsverk are decimals: their sum is rounded to 6 decimals so that it is the same in any
-- order of adding (the streaming engine's morsels finish in any order; the unrounded sum
-- could differ in its last binary digit from run to run).
employees AS (
    SELECT kommunenummer, sector, ROUND(SUM(employees), 6) AS employees FROM units_current GROUP BY kommunenummer, sector
    UNION ALL
    SELECT kommunenummer, 'Hele kommunen' AS sector, ROUND(SUM(employees), 6) AS employees FROM units_current GROUP BY kommunenummer
),
year_totals AS (
    SELECT kommunenummer, year, SUM(count) AS year_total FROM by_sector GROUP BY kommunenummer, year
)
SELECT c.kommunenummer, c.year, c.sector, c.type, c.count,
       CAST(c.count AS DOUBLE) * 100.0 / e.employees AS per_100_employees,
       CAST(c.count AS DOUBLE) / t.year_total AS share_of_year
FROM counts c
LEFT JOIN employees e ON c.kommunenummer = e.kommunenummer AND c.sector = e.sector
JOIN year_totals t ON c.kommunenummer = t.kommunenummer AND c.year = t.year
ORDER BY c.kommunenummer, c.year, c.sector, c.type
