-- ros_coverage_register (needs units): sector × analysis_type (plus 'alle') → units,
-- units_with_ros (≥ 1 risk of that type in the register), units_with_current_ros
-- (assessed within the 12 months before as_of), coverage, current_coverage. Register
-- rows are matched to units by kommunenummer, sector and unit name; the units are those
-- that exist at as_of (units_current: valid_from/valid_to).
-- Streaming engine: the same result in any order of rows (counts, whole-number sums and
-- means, quantiles; ordered by the key). See queries/README.md, "engine".
--! engine = "streaming"
--! [columns]
--! kommunenummer = "code"
--! sector = "text"
--! analysis_type = "code"
--! units = "count"
--! units_with_ros = "count"
--! units_with_current_ros = "count"
--! coverage = "share"
--! current_coverage = "share"
WITH u AS (SELECT DISTINCT kommunenummer, sector, unit FROM units_current),
r AS (
    SELECT kommunenummer, sector, unit, analysis_type,
           CASE WHEN assessed_date >= {{as_of_minus_12m}} AND assessed_date <= {{as_of}} THEN 1 ELSE 0 END AS cur
    FROM risks WHERE unit IS NOT NULL
),
-- Per analysis type and for `alle`, each grouped from the risks, then stacked (stacking
-- the risks first held every risk twice and made the type plain text before grouping).
ra AS (
    SELECT kommunenummer, sector, unit, analysis_type, MAX(cur) AS cur
    FROM r GROUP BY kommunenummer, sector, unit, analysis_type
    UNION ALL
    SELECT kommunenummer, sector, unit, 'alle' AS analysis_type, MAX(cur) AS cur
    FROM r GROUP BY kommunenummer, sector, unit
),
types AS (
    SELECT DISTINCT kommunenummer, analysis_type FROM (
        SELECT kommunenummer, 'alle' AS analysis_type FROM u
        UNION ALL
        SELECT kommunenummer, analysis_type FROM ra
    ) y
),
grid AS (
    SELECT u.kommunenummer, u.sector, u.unit, t.analysis_type
    FROM u JOIN types t ON u.kommunenummer = t.kommunenummer
),
j AS (
    SELECT g.kommunenummer, g.sector, g.analysis_type,
           CASE WHEN ra.cur IS NULL THEN 0 ELSE 1 END AS has,
           COALESCE(ra.cur, 0) AS has_current
    FROM grid g
    LEFT JOIN ra ON g.kommunenummer = ra.kommunenummer AND g.sector = ra.sector
                AND g.unit = ra.unit AND g.analysis_type = ra.analysis_type
),
s AS (
    SELECT * FROM j
    UNION ALL
    SELECT kommunenummer, 'Hele kommunen' AS sector, analysis_type, has, has_current FROM j
),
agg AS (
    SELECT kommunenummer, sector, analysis_type, COUNT(*) AS units,
           SUM(has) AS units_with_ros, SUM(has_current) AS units_with_current_ros
    FROM s GROUP BY kommunenummer, sector, analysis_type
)
SELECT kommunenummer, sector, analysis_type, units, units_with_ros, units_with_current_ros,
       CAST(units_with_ros AS DOUBLE) / units AS coverage,
       CAST(units_with_current_ros AS DOUBLE) / units AS current_coverage
FROM agg
ORDER BY kommunenummer, sector, analysis_type
