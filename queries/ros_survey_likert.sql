-- ros_survey_likert: sector × Likert item → n, mean, share_agree (4–5), share_disagree
-- (1–2), and the count of each level 1–5. 'Vet ikke' and blanks are missing, not values.
--! [columns]
--! kommunenummer = "code"
--! sector = "text"
--! item = "code"
--! n = { kind = "count", size = "self" }
--! mean = { kind = "mean", size = "n" }
--! share_agree = { kind = "share", size = "n" }
--! share_disagree = { kind = "share", size = "n" }
--! level_1 = { kind = "count", size = "self" }
--! level_2 = { kind = "count", size = "self" }
--! level_3 = { kind = "count", size = "self" }
--! level_4 = { kind = "count", size = "self" }
--! level_5 = { kind = "count", size = "self" }
WITH l AS (
    SELECT s.kommunenummer, s.sector, s.question AS item, s.answer_order AS level
    FROM survey_current s JOIN survey_questions q ON s.question = q.question
    WHERE q.kind = 'likert' AND s.answer_order IS NOT NULL
),
-- Grouped per sector and per whole municipality, then stacked: stacking the answers first
-- held every one twice and made the sector plain text before grouping.
agg AS (
    SELECT kommunenummer, sector, item, COUNT(*) AS n,
           AVG(CAST(level AS DOUBLE)) AS mean,
           CAST(SUM(CASE WHEN level >= 4 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS share_agree,
           CAST(SUM(CASE WHEN level <= 2 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS share_disagree,
           SUM(CASE WHEN level = 1 THEN 1 ELSE 0 END) AS level_1,
           SUM(CASE WHEN level = 2 THEN 1 ELSE 0 END) AS level_2,
           SUM(CASE WHEN level = 3 THEN 1 ELSE 0 END) AS level_3,
           SUM(CASE WHEN level = 4 THEN 1 ELSE 0 END) AS level_4,
           SUM(CASE WHEN level = 5 THEN 1 ELSE 0 END) AS level_5
    FROM l GROUP BY kommunenummer, sector, item
    UNION ALL
    SELECT kommunenummer, 'Hele kommunen' AS sector, item, COUNT(*) AS n,
           AVG(CAST(level AS DOUBLE)) AS mean,
           CAST(SUM(CASE WHEN level >= 4 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS share_agree,
           CAST(SUM(CASE WHEN level <= 2 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS share_disagree,
           SUM(CASE WHEN level = 1 THEN 1 ELSE 0 END) AS level_1,
           SUM(CASE WHEN level = 2 THEN 1 ELSE 0 END) AS level_2,
           SUM(CASE WHEN level = 3 THEN 1 ELSE 0 END) AS level_3,
           SUM(CASE WHEN level = 4 THEN 1 ELSE 0 END) AS level_4,
           SUM(CASE WHEN level = 5 THEN 1 ELSE 0 END) AS level_5
    FROM l GROUP BY kommunenummer, item
)
SELECT * FROM agg
ORDER BY kommunenummer, sector, item
