-- deviation_sources: sector × source × type → count, share (of the sector's reports in
-- the report year). Reporting culture shows here: improvement proposals and reports from
-- citizens are healthy, not bad.
-- Streaming engine: the same result in any order of rows (counts, whole-number sums and
-- means, quantiles; ordered by the key). See queries/README.md, "engine".
--! engine = "streaming"
--! [columns]
--! kommunenummer = "code"
--! sector = "text"
--! source = "code"
--! type = "code"
--! count = { kind = "count", size = "self" }
--! share = { kind = "share", size = "count" }
WITH d AS (
    SELECT kommunenummer, sector, source, type FROM deviations
    WHERE reported_date BETWEEN {{year_start}} AND {{year_end}}
),
-- Counted per sector in one pass; the whole municipality's counts are their sums
-- (grouping the deviations a second time for it cost as much again).
by_sector AS (
    SELECT kommunenummer, sector, source, type, COUNT(*) AS count
    FROM d GROUP BY kommunenummer, sector, source, type
),
counts AS (
    SELECT * FROM by_sector
    UNION ALL
    SELECT kommunenummer, 'Hele kommunen' AS sector, source, type, SUM(count) AS count
    FROM by_sector GROUP BY kommunenummer, source, type
)
SELECT kommunenummer, sector, source, type, count,
       CAST(count AS DOUBLE) / SUM(count) OVER (PARTITION BY kommunenummer, sector) AS share
FROM counts
ORDER BY kommunenummer, sector, source, type
