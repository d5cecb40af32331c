-- ros_survey_by_sector: the latest survey wave (survey_current) per sector. Each share's
-- denominator is the respondents in the sector who answered that question (02-analytics.md).
-- A respondent who ticked none of a multi-select's options answered it (01-inputs.md):
-- the survey table holds one row with a blank answer for them, which counts here in the
-- denominator and in no option. share_not_relevant counts 'nei' and 'ikke relevant' to
-- "is ROS relevant for your work?".
--! [columns]
--! kommunenummer = "code"
--! sector = "text"
--! respondents = { kind = "count", size = "self" }
--! share_band_0 = { kind = "share", size = "answered_ros_count" }
--! share_band_1_5 = { kind = "share", size = "answered_ros_count" }
--! share_band_6_20 = { kind = "share", size = "answered_ros_count" }
--! share_band_21_50 = { kind = "share", size = "answered_ros_count" }
--! share_band_over_50 = { kind = "share", size = "answered_ros_count" }
--! count_band_21_50 = { kind = "count", size = "self" }
--! count_band_over_50 = { kind = "count", size = "self" }
--! share_any_ros = { kind = "share", size = "answered_ros_count" }
--! share_tjenestespesifikk = { kind = "share", size = "answered_ros_types" }
--! count_tjenestespesifikk = { kind = "count", size = "self" }
--! share_not_relevant = { kind = "share", size = "answered_ros_relevant" }
--! share_informs_nobody = { kind = "share", size = "answered_ros_informed" }
--! share_main_tool = { kind = "share", size = "answered_ros_tool" }
--! count_main_tool = { kind = "count", size = "self" }
--! answered_ros_count = { kind = "count", size = "self" }
--! answered_ros_types = { kind = "count", size = "self" }
--! answered_ros_relevant = { kind = "count", size = "self" }
--! answered_ros_informed = { kind = "count", size = "self" }
--! answered_ros_tool = { kind = "count", size = "self" }
WITH r AS (
    SELECT kommunenummer, sector, respondent_id,
           MAX(CASE WHEN question = 'ros_count' THEN 1 ELSE 0 END) AS a_count,
           MAX(CASE WHEN question = 'ros_count' AND answer = '0' THEN 1 ELSE 0 END) AS b0,
           MAX(CASE WHEN question = 'ros_count' AND answer = '1-5' THEN 1 ELSE 0 END) AS b1_5,
           MAX(CASE WHEN question = 'ros_count' AND answer = '6-20' THEN 1 ELSE 0 END) AS b6_20,
           MAX(CASE WHEN question = 'ros_count' AND answer = '21-50' THEN 1 ELSE 0 END) AS b21_50,
           MAX(CASE WHEN question = 'ros_count' AND answer = '>50' THEN 1 ELSE 0 END) AS b50,
           MAX(CASE WHEN question = 'ros_types' THEN 1 ELSE 0 END) AS a_types,
           MAX(CASE WHEN question = 'ros_types' AND answer = 'tjenestespesifikk' THEN 1 ELSE 0 END) AS t_service,
           MAX(CASE WHEN question = 'ros_relevant' THEN 1 ELSE 0 END) AS a_relevant,
           MAX(CASE WHEN question = 'ros_relevant' AND answer IN ('nei', 'ikke relevant') THEN 1 ELSE 0 END) AS not_relevant,
           MAX(CASE WHEN question = 'ros_informed' THEN 1 ELSE 0 END) AS a_informed,
           MAX(CASE WHEN question = 'ros_informed' AND answer = 'ingen' THEN 1 ELSE 0 END) AS informs_nobody,
           MAX(CASE WHEN question = 'ros_tool' THEN 1 ELSE 0 END) AS a_tool,
           MAX(CASE WHEN question = 'ros_tool' AND answer = 'kvalitetssystem' THEN 1 ELSE 0 END) AS main_tool
    FROM survey_current
    GROUP BY kommunenummer, sector, respondent_id
),
s AS (
    SELECT * FROM r
    UNION ALL
    SELECT kommunenummer, 'Hele kommunen' AS sector, respondent_id, a_count, b0, b1_5, b6_20, b21_50, b50,
           a_types, t_service, a_relevant, not_relevant, a_informed, informs_nobody, a_tool, main_tool
    FROM r
),
agg AS (
    SELECT kommunenummer, sector, COUNT(*) AS respondents,
           SUM(a_count) AS n_count, SUM(b0) AS b0, SUM(b1_5) AS b1_5, SUM(b6_20) AS b6_20,
           SUM(b21_50) AS b21_50, SUM(b50) AS b50,
           SUM(a_types) AS n_types, SUM(t_service) AS t_service,
           SUM(a_relevant) AS n_relevant, SUM(not_relevant) AS not_relevant,
           SUM(a_informed) AS n_informed, SUM(informs_nobody) AS informs_nobody,
           SUM(a_tool) AS n_tool, SUM(main_tool) AS main_tool
    FROM s GROUP BY kommunenummer, sector
)
SELECT kommunenummer, sector, respondents,
       CAST(b0 AS DOUBLE) / NULLIF(n_count, 0) AS share_band_0,
       CAST(b1_5 AS DOUBLE) / NULLIF(n_count, 0) AS share_band_1_5,
       CAST(b6_20 AS DOUBLE) / NULLIF(n_count, 0) AS share_band_6_20,
       CAST(b21_50 AS DOUBLE) / NULLIF(n_count, 0) AS share_band_21_50,
       CAST(b50 AS DOUBLE) / NULLIF(n_count, 0) AS share_band_over_50,
       b21_50 AS count_band_21_50,
       b50 AS count_band_over_50,
       CAST(n_count - b0 AS DOUBLE) / NULLIF(n_count, 0) AS share_any_ros,
       CAST(t_service AS DOUBLE) / NULLIF(n_types, 0) AS share_tjenestespesifikk,
       t_service AS count_tjenestespesifikk,
       CAST(not_relevant AS DOUBLE) / NULLIF(n_relevant, 0) AS share_not_relevant,
       CAST(informs_nobody AS DOUBLE) / NULLIF(n_informed, 0) AS share_informs_nobody,
       CAST(main_tool AS DOUBLE) / NULLIF(n_tool, 0) AS share_main_tool,
       main_tool AS count_main_tool,
       n_count AS answered_ros_count, n_types AS answered_ros_types,
       n_relevant AS answered_ros_relevant, n_informed AS answered_ros_informed,
       n_tool AS answered_ros_tool
FROM agg
ORDER BY kommunenummer, sector
