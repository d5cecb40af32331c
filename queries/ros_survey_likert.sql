-- ros_survey_likert: sector × Likert item → n, mean, share_agree (4–5), share_disagree
-- (1–2), and the count of each level 1–5. 'Vet ikke' and blanks are missing, not values.
-- Streaming engine: the same result in any order of rows (counts, whole-number sums and
-- means, quantiles; ordered by the key). See queries/README.md, "engine".
--! engine = "streaming"
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
-- Grouped per sector; the whole municipality's figures from those groups' sums (the
-- mean from the sum of levels: an average of averages would weigh sectors alike).
per_sector AS (
    SELECT kommunenummer, sector, item, COUNT(*) AS n,
           AVG(CAST(level AS DOUBLE)) AS mean,
           SUM(level) AS level_sum,
           SUM(CASE WHEN level = 1 THEN 1 ELSE 0 END) AS level_1,
           SUM(CASE WHEN level = 2 THEN 1 ELSE 0 END) AS level_2,
           SUM(CASE WHEN level = 3 THEN 1 ELSE 0 END) AS level_3,
           SUM(CASE WHEN level = 4 THEN 1 ELSE 0 END) AS level_4,
           SUM(CASE WHEN level = 5 THEN 1 ELSE 0 END) AS level_5
    FROM l GROUP BY kommunenummer, sector, item
),
agg AS (
    SELECT kommunenummer, sector, item, n, mean,
           CAST(level_4 + level_5 AS DOUBLE) / n AS share_agree,
           CAST(level_1 + level_2 AS DOUBLE) / n AS share_disagree,
           level_1, level_2, level_3, level_4, level_5
    FROM per_sector
    UNION ALL
    SELECT kommunenummer, 'Hele kommunen' AS sector, item, SUM(n) AS n,
           CAST(SUM(level_sum) AS DOUBLE) / SUM(n) AS mean,
           CAST(SUM(level_4) + SUM(level_5) AS DOUBLE) / SUM(n) AS share_agree,
           CAST(SUM(level_1) + SUM(level_2) AS DOUBLE) / SUM(n) AS share_disagree,
           SUM(level_1) AS level_1, SUM(level_2) AS level_2, SUM(level_3) AS level_3,
           SUM(level_4) AS level_4, SUM(level_5) AS level_5
    FROM per_sector GROUP BY kommunenummer, item
)
SELECT * FROM agg
ORDER BY kommunenummer, sector, item
