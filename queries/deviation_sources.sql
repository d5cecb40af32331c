-- deviation_sources: sector × source × type → count, share (of the sector's reports in
-- the report year). Reporting culture shows here: improvement proposals and reports from
-- citizens are healthy, not bad.
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
-- Counted per sector and per whole municipality, then stacked (stacking the deviations
-- first held every one of the year twice and made the sector plain text before grouping).
counts AS (
    SELECT kommunenummer, sector, source, type, COUNT(*) AS count
    FROM d GROUP BY kommunenummer, sector, source, type
    UNION ALL
    SELECT kommunenummer, 'Hele kommunen' AS sector, source, type, COUNT(*) AS count
    FROM d GROUP BY kommunenummer, source, type
)
SELECT kommunenummer, sector, source, type, count,
       CAST(count AS DOUBLE) / SUM(count) OVER (PARTITION BY kommunenummer, sector) AS share
FROM counts
ORDER BY kommunenummer, sector, source, type
