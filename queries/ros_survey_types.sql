-- ros_survey_types: sector × type of ROS analysis → count, share of the respondents who
-- answered ros_types (a multi-select: shares do not sum to 1), and that denominator as
-- `answered`. Zeros included. A respondent who ticked no type answered the question
-- (01-inputs.md): their row has a blank answer, counted in `answered` and in no type.
--! [columns]
--! kommunenummer = "code"
--! sector = "text"
--! type = "code"
--! count = { kind = "count", size = "self" }
--! share = { kind = "share", size = "answered" }
--! answered = { kind = "count", size = "self" }
WITH answered AS (
    SELECT DISTINCT kommunenummer, sector, respondent_id, answer FROM survey_current WHERE question = 'ros_types'
),
both_levels AS (
    SELECT kommunenummer, sector, respondent_id, answer FROM answered
    UNION ALL
    SELECT kommunenummer, 'Hele kommunen' AS sector, respondent_id, answer FROM answered
),
denominators AS (
    SELECT kommunenummer, sector, COUNT(DISTINCT respondent_id) AS answered
    FROM both_levels GROUP BY kommunenummer, sector
),
types AS (SELECT DISTINCT kommunenummer, answer AS type FROM answered WHERE answer IS NOT NULL),
grid AS (
    SELECT d.kommunenummer, d.sector, t.type, d.answered
    FROM denominators d JOIN types t ON d.kommunenummer = t.kommunenummer
),
counts AS (
    SELECT kommunenummer, sector, answer AS type, COUNT(*) AS count
    FROM both_levels WHERE answer IS NOT NULL GROUP BY kommunenummer, sector, answer
)
SELECT g.kommunenummer, g.sector, g.type, COALESCE(c.count, 0) AS count,
       CAST(COALESCE(c.count, 0) AS DOUBLE) / g.answered AS share, g.answered
FROM grid g
LEFT JOIN counts c ON g.kommunenummer = c.kommunenummer AND g.sector = c.sector AND g.type = c.type
ORDER BY g.kommunenummer, g.sector, g.type
