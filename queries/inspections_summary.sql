-- inspections_summary: year × authority → inspections, findings, remarks, closed (findings
-- of inspections closed on or before as_of), open, overdue (findings of inspections whose
-- deadline is before as_of and that are not closed by then). Kommuneloven § 25-2 requires
-- the yearly report to cover the results of state inspections.
--! [columns]
--! kommunenummer = "code"
--! year = "code"
--! authority = "text"
--! inspections = "count"
--! findings = "count"
--! remarks = "count"
--! closed = "count"
--! open = "count"
--! overdue = "count"
WITH i AS (
    SELECT kommunenummer, CAST(EXTRACT(YEAR FROM date) AS INTEGER) AS year,
           COALESCE(authority, 'ikke angitt') AS authority,
           COALESCE(findings, 0) AS findings, COALESCE(remarks, 0) AS remarks,
           COALESCE(closed_date <= {{as_of}}, FALSE) AS closed_ok,
           COALESCE(deadline < {{as_of}}, FALSE) AS past_deadline
    FROM inspections
    WHERE date <= {{as_of}}
)
SELECT kommunenummer, year, authority, COUNT(*) AS inspections,
       SUM(findings) AS findings, SUM(remarks) AS remarks,
       SUM(CASE WHEN closed_ok THEN findings ELSE 0 END) AS closed,
       SUM(CASE WHEN closed_ok THEN 0 ELSE findings END) AS open,
       SUM(CASE WHEN past_deadline AND NOT closed_ok THEN findings ELSE 0 END) AS overdue
FROM i
GROUP BY kommunenummer, year, authority
ORDER BY kommunenummer, year, authority
