-- deviation_yoy: sector × category → count_year, count_prev_year, change, change_pct
-- (null when the previous year is 0). The report year and the one before.
-- Streaming engine: the same result in any order of rows (counts, whole-number sums and
-- means, quantiles; ordered by the key). See queries/README.md, "engine".
--! engine = "streaming"
--! [columns]
--! kommunenummer = "code"
--! sector = "text"
--! category = "text"
--! count_year = { kind = "count", size = "self" }
--! count_prev_year = { kind = "count", size = "self" }
--! change = { kind = "count", size = ["count_year", "count_prev_year"] }
--! change_pct = { kind = "share", size = ["count_year", "count_prev_year"] }
WITH base AS (
    SELECT kommunenummer, sector, COALESCE(category, 'ikke angitt') AS category,
           CAST(CASE WHEN reported_date >= {{year_start}} THEN {{year}} ELSE {{prev_year}} END AS INTEGER) AS year
    FROM deviations
    WHERE reported_date BETWEEN {{prev_year_start}} AND {{year_end}}
),
-- Counted per sector in one pass; the whole municipality's counts are their sums
-- (grouping the deviations a second time for it cost as much again).
by_sector AS (
    SELECT kommunenummer, sector, category,
           SUM(CASE WHEN year = {{year}} THEN 1 ELSE 0 END) AS count_year,
           SUM(CASE WHEN year = {{prev_year}} THEN 1 ELSE 0 END) AS count_prev_year
    FROM base GROUP BY kommunenummer, sector, category
),
counts AS (
    SELECT * FROM by_sector
    UNION ALL
    SELECT kommunenummer, 'Hele kommunen' AS sector, category,
           SUM(count_year) AS count_year, SUM(count_prev_year) AS count_prev_year
    FROM by_sector GROUP BY kommunenummer, category
)
SELECT kommunenummer, sector, category, count_year, count_prev_year,
       count_year - count_prev_year AS change,
       CASE WHEN count_prev_year = 0 THEN NULL
            ELSE CAST(count_year - count_prev_year AS DOUBLE) / count_prev_year END AS change_pct
FROM counts
ORDER BY kommunenummer, sector, category
