### ikrapport – message catalogue, English.
### Every message is also in nb.ftl and nn.ftl with the same placeholders.

## Common

error-prefix = Error
word-and-sep = {" and "}
word-rows = { $n ->
    [one] row
   *[other] rows
    }
word-rows-n = { $n ->
    [one] { $n } row
   *[other] { $n } rows
    }
summary-files = { $n ->
    [one] { $n } file
   *[other] { $n } files
    }
origin-builtin = built-in
severity-error = rejected
severity-warning = warning

## The sources

source-deviations = deviations
source-risks = risk register (ROS)
source-survey = survey
source-units = units and FTEs
source-maturity = maturity self-assessment
source-inspections = inspections and audits
source-municipalities = list of municipalities

## Project folder and config

project-folder-missing = Could not find the folder «{ $path }». Give a project folder with data files, e.g. sample-data.
project-not-a-folder = «{ $path }» is a file, not a folder. Give the project folder the file is in.
project-folder-unreadable = Could not read the folder «{ $path }»: { $why }. Check that you may read the folder.
project-no-files = Found no data files (.csv, .xlsx, .parquet …) in the folder { $folder }. Run `ikrapport init { $folder }` for examples of each file.
strict-rejected = { $n ->
    [one] { $n } row was rejected and --strict is given.
   *[other] { $n } rows were rejected and --strict is given.
    } See the data-quality table (ikrapport validate { $folder }) for which rows and why.
config-unreadable = Could not read the config file { $path }: { $why }.
config-invalid = The config file { $path } cannot be read (line { $line }): { $why }
config-wrong = The config file { $path }: { $what }
config-scale-max = scale_max = { $value } is not a usable scale (use 4, 5 or 6)
config-kommunenummer = kommunenummer = "{ $value }" must have four digits, e.g. "5001"
config-zones = risk.green_max must be less than risk.yellow_max
config-disclosure = disclosure_threshold must be at least 1
config-unknown-indicator = ikrapport.toml: [analytics.indicators.{ $name }] is not an indicator. Known indicators: { $known }.
config-file-missing = ikrapport.toml names the file «{ $file }» under [sources.{ $source }], but it does not exist in { $folder }
codebook-unreadable = Could not read the codebook { $path }: { $why }
codebook-invalid = The codebook { $path } cannot be read (line { $line }): { $why }
codebook-no-options = The codebook { $path }: the question «{ $question }» has no answer options (options)
codebook-builtin = (built-in: ROS practice)

## Files that cannot be used

file-unreadable = Could not read the file «{ $file }»: { $why }
file-empty-bytes = The file «{ $file }» is empty (0 bytes).
file-empty = The file «{ $file }» is empty.
file-too-large = The file «{ $file }» has more than 4 GiB of text; split it (e.g. one year per file).
file-binary = The file «{ $file }» is not a text (CSV) file: it holds binary data. Is it a spreadsheet with the wrong extension?
file-not-parquet = The file «{ $file }» is not a readable Parquet file: { $why }
file-encrypted = The file «{ $file }» is password-protected (encrypted). Open it in Excel, remove the password (File → Info → Protect workbook) and save it again.
file-not-spreadsheet = The file «{ $file }» is not a spreadsheet, although its name says so. Save it again from Excel as .xlsx, or as CSV.
file-damaged = The file «{ $file }» is damaged or incomplete (perhaps cut off when copied): { $why }. Export it again.
file-no-sheets = The file «{ $file }» has no sheet with any cells.
file-no-such-sheet = The file «{ $file }» has no sheet «{ $sheet }» (named in ikrapport.toml). Its sheets are: { $sheets }.
file-unknown-source = Could not tell which source the file «{ $file }» is: its name does not say (avvik, ros, tilsyn, …) and its headers do not match the required columns of any source. Rename the file, or name it under [sources] in ikrapport.toml.
file-ambiguous-source = The file «{ $file }» fits more than one source equally well ({ $sources }). Name it under [sources] in ikrapport.toml.
file-no-headers = no headers
file-sheet-part = {" "}(sheet «{ $sheet }»)
file-missing-columns = The file «{ $file }»{ $sheet } cannot be used as { $source }: { $n_missing ->
    [one] the required column
   *[other] the required columns
    } { $missing } { $n_missing ->
    [one] was
   *[other] were
    } not found among the first { $rows } rows. Headers found (row { $row }): { $found }.
file-did-you-mean = Found «{ $found }» – did you mean «{ $alias }»?
file-fix-header = Correct the header in the file, or add it as an alias in ikrapport.toml under [aliases].
file-codebook-broken = The survey «{ $file }» cannot be read because its codebook cannot be used: { $why }
note-kommunenummer-from-config = The file has no kommunenummer column; { $knr } from ikrapport.toml is used.
note-kommunenummer-missing = Neither the file nor ikrapport.toml gives a kommunenummer; the analyses use 0000. Set kommunenummer in ikrapport.toml.
note-other-sheet = The sheet «{ $sheet }» also has the right headers but was not read (only the first matching sheet is). Name the sheet under [sources] in ikrapport.toml to read it instead.

## Reasons in the data-quality table

reason-required_blank = required value is missing
reason-not_a_date = not a date (use e.g. 14.02.2024 or 2024-02-14)
reason-no_such_date = the date does not exist in the calendar
reason-implausible_date = implausible date (before 1950 or after 2100)
reason-not_a_number = not a number
reason-not_an_integer = not a whole number
reason-out_of_scale = outside the scale { $min }–{ $max }
reason-negative = cannot be negative
reason-not_a_bool = not yes/no
reason-guessed_value = unknown value, read as «{ $guessed }»
reason-unknown_value = unknown value; valid values are: { $allowed }
reason-score_mismatch = given risk score { $given } differs from probability × consequence = { $computed }; { $computed } is used
reason-bad_kommunenummer = kommunenummer must have four digits
reason-short_row = the row has { $found } fields, the header { $expected }; missing fields are read as blank
reason-long_row = the row has { $found } fields, the header only { $expected } (a delimiter inside an unquoted value?)
reason-unknown_answer = unknown answer option for «{ $question }»; the answer is left out
reason-closed_before_reported = closed date is before the reported date
reason-deadline_before_date = the deadline is before the inspection date

## Queries

query-failed = The query { $label } failed: { $why }
query-panicked = The query { $label } could not be run (polars: { $why })
query-command-line = command line
query-both = Give either a query or --file, not both.
query-none = Give a SQL query, e.g. ikrapport query sample-data "SELECT * FROM deviation_counts", or --file.
query-more-rows = … { $n ->
    [one] { $n } more row
   *[other] { $n } more rows
    } (use --limit, --format csv or --format json)
query-file-name = The query file { $path } has a name that cannot be a table name: use lower-case letters, digits and _ (e.g. my_table.sql).
query-file-unreadable = Could not read the query file { $path }: { $why }
queries-dir-unreadable = Could not read the folder of queries { $path }: { $why }
query-builtin-name = The query file { $path } has the name of a built-in table ({ $name }). Give it another name.
query-unclosed-placeholder = The query { $label } has a {"{{"} without {"}}"}.
query-unknown-placeholder = The query { $label } uses the unknown parameter { $key }. Known parameters: { $known }.
query-not-sql = The query { $label } cannot be read as SQL: { $why }
query-cycle = The queries read each other in a ring: { $ring }. Break it by letting one of them read the canonical tables.
query-unknown-table = The query { $label } reads the table «{ $table }», which does not exist. Known tables: { $known }.
query-meta-invalid = The column description (the lines starting with --!) in { $path } cannot be read (line { $line }): { $why }
query-meta-kind = the column «{ $column }» has the kind «{ $kind }»; use one of { $kinds }
query-meta-unknown-column = { $path } describes the column «{ $column }» (in the lines starting with --!), but the query does not make it. Its columns are: { $columns }.
query-missing-column = The table «{ $table }» from { $query } lacks the column «{ $column }», which the analysis { $reader } reads. Add the column to the query, or remove the file so that the built-in query is used.
query-builtin-failed-on-user-table = { $error } It reads tables from your own queries ({ $inputs }); check that they have the same columns as the built-in ones.
year-no-dates = Found no dates to choose the report year from. Give the year with --year.
year-out-of-range = --year { $year } is outside 1950–2100

## Internal errors

internal-error-report = This is an internal error; please report it with the command you ran.
internal-panic = internal error ({ $why }). This is a bug in ikrapport; please report it with the command you ran.
internal-panic-at = Where in the code: { $place }.
internal-panic-verbose = Run with -v to see where in the code it happened.
internal-missing-column = does not exist
io-read = could not read { $path }
io-write = could not write { $path }
io-mkdir = could not make the folder { $path }

## Command line

cli-unknown-language = Unknown language «{ $lang }»: use nb, nn or en.
cli-as-of = --as-of «{ $value }» is not a date: write e.g. 2025-12-31 or 31.12.2025
init-wrote = Wrote { $path }
init-skipped = Skipped { $path } (already exists)
init-next = Next: put your own exports in the folder and run ikrapport validate { $folder }
generate-years = --years { $years } is outside 1–30
generate-reference-columns = { $path } must have the columns kommunenummer, kommune, fylke and innbyggere
bundle-not-ours = The output folder { $path } exists and is not a report folder made by ikrapport, so it is not overwritten. Choose another --out, or delete the folder yourself.
bundle-marker = Made by ikrapport. The folder is not read as input.

## validate

validate-file = File: { $file }
validate-source = Source: { $source } – { $how }
validate-detected-config = given in ikrapport.toml
validate-detected-name = recognised by name
validate-detected-headers = recognised by headers
validate-unusable = UNUSABLE: { $why }
validate-format = Format: { $format }
validate-delimiter = delimiter «{ $d }»
validate-sheet = Sheet: { $sheet }
validate-header-row = Header row: { $row }
validate-codebook = Codebook: { $codebook }
validate-columns = Columns:
validate-role-extra = unknown column, kept as extra
validate-role-duplicate = same as an earlier column, kept as extra
validate-role-question = question
validate-note = Note: { $note }
validate-absent = Not in the file (optional): { $columns }
validate-rows = Rows: { $read } read, { $kept } kept, { $rejected } rejected, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
    }
validate-dq-heading = Data quality ({ $n ->
    [one] { $n } row
   *[other] { $n } rows
    }):
validate-dq-none = No rejected or doubtful values.
validate-row = row { $row }
validate-row-line = row { $row } (line { $line })
validate-dq-more = … { $n } more (see all with --json)
validate-summary = Summary: { $files ->
    [one] { $files } file
   *[other] { $files } files
    }, { $read } { $read ->
    [one] row
   *[other] rows
    } read, { $kept } kept, { $rejected } rejected.

## Merknader i resultattabeller

note-spc-too-few-points = too few points for control limits (under 12 months)
note-spc-no-events = no deviations in the period
note-trend-too-few-years = too few years to test for a trend (under 4); the slope is still given

## Columns (headings in tables and spreadsheets)

col-kommunenummer = Municipality no.
col-sector = Sector
col-reported = Reported
col-closed = Closed
col-closed_share = Share closed
col-median_days_to_close = Median days to close
col-p90_days_to_close = 90th percentile days
col-closed_within_90d_share = Closed within 90 days
col-open_at_as_of = Open
col-open_0_30 = Open 0–30 days
col-open_31_90 = Open 31–90 days
col-open_91_180 = Open 91–180 days
col-open_over_180 = Open over 180 days
col-year = Year
col-type = Type
col-count = Count
col-per_100_employees = Per 100 FTEs
col-share_of_year = Share of year
col-root_cause = Root cause
col-share = Share
col-cumulative_share = Cumulative share
col-source = Source
col-category = Category
col-count_year = Count this year
col-count_prev_year = Count last year
col-change = Change
col-change_pct = Change (%)
col-authority = Authority
col-inspections = Inspections
col-findings = Findings
col-remarks = Remarks
col-open = Open
col-overdue = Overdue
col-dimension = Dimension
col-n = Responses
col-current_mean = Now (mean)
col-current_min = Now (lowest)
col-current_max = Now (highest)
col-current_sd = Now (std. dev.)
col-ambition_mean = Ambition (mean)
col-gap = Gap
col-mean_score = Mean risk score
col-max_score = Highest risk score
col-risks = Risks
col-analyses = Analyses
col-units_with_risks = Units with risks
col-red = Red
col-yellow = Yellow
col-green = Green
col-needs_measure = Need measures
col-needs_measure_without_measure = Need measures, have none
col-residual_assessed_share = Residual risk assessed
col-review_overdue = Review overdue
col-stale = Not assessed in 12 months
col-kind = Risk
col-probability = Probability
col-consequence = Consequence
col-zone = Zone
col-rank = No.
col-id = ID
col-unit = Unit
col-analysis = Analysis
col-hazard = Hazard
col-score = Risk score (P × C)
col-residual_score = Residual score
col-analysis_type = Analysis type
col-units = Units
col-units_with_ros = Units with ROS
col-units_with_current_ros = Units with current ROS
col-coverage = Coverage
col-current_coverage = Current coverage
col-respondents = Respondents
col-share_band_0 = No ROS
col-share_band_1_5 = 1–5 ROS
col-share_band_6_20 = 6–20 ROS
col-share_band_21_50 = 21–50 ROS
col-share_band_over_50 = Over 50 ROS
col-count_band_21_50 = Count 21–50
col-count_band_over_50 = Count over 50
col-share_any_ros = Took part in ROS
col-share_tjenestespesifikk = Service-specific ROS
col-count_tjenestespesifikk = Count service-specific
col-share_not_relevant = ROS not relevant
col-share_informs_nobody = Inform nobody
col-share_main_tool = Use the quality system
col-count_main_tool = Count quality system
col-answered_ros_count = Answers: number of ROS
col-answered_ros_types = Answers: types of ROS
col-answered_ros_relevant = Answers: relevance
col-answered_ros_informed = Answers: who is informed
col-answered_ros_tool = Answers: tool
col-item = Statement
col-mean = Mean (1–5)
col-share_agree = Agree
col-share_disagree = Disagree
col-level_1 = Strongly disagree
col-level_2 = Disagree
col-level_3 = Neutral
col-level_4 = Agree
col-level_5 = Strongly agree
col-answered = Answers
col-month = Month
col-rolling_12m = Last 12 months
col-exposure = FTEs
col-rate = Rate per FTE
col-rate-count = Rate (count, FTEs unknown)
col-center = Centre line
col-ucl = Upper limit
col-lcl = Lower limit
col-sigma_z = Sigma z
col-signal = Signal
col-note = Note
col-years = Years of data
col-mann_kendall_s = Mann-Kendall S
col-kendall_tau = Kendall's tau
col-p_value = p-value
col-sens_slope = Change per year (Sen)
col-direction = Direction
col-first_year = From year
col-last_year = To year
col-file = File
col-sheet = Sheet
col-row = Row
col-line = Line
col-column = Column
col-value = Value
col-severity = Severity
col-reason = Reason
col-code = Code
col-ros_current_coverage = Current ROS coverage
col-reviews_on_time = Reviews on time
col-red_risks_with_measures = Red risks with measures
col-deviations_closed_90d = Deviations closed in 90 days
col-reporting_rate = Reports per 100 FTEs
col-improvement_share = Share improvement proposals
col-survey_competence = Perceived ROS competence
col-inspection_findings_closed = Inspection findings closed
col-maturity_index = Maturity index
col-maturity_level = Maturity level
col-indicators_used = Indicators used
col-missing_indicators = Missing indicators
col-n_deviations = Reports this year
col-n_respondents = Respondents (competence)
col-kommune = Municipality
col-innbyggere = Inhabitants
col-kostra_group = KOSTRA group
col-focus = Focal municipality
col-deviations_per_1000_innbyggere = Deviations per 1,000 inhabitants
col-deviations_per_100_employees = Deviations per 100 FTEs
col-derived-pct-rank = Percentile: { $of }
col-derived-pct-rank-kostra = Percentile in KOSTRA group: { $of }
col-derived-status = Status: { $of }

## Tables

table-deviation_counts = Deviations by year, sector and type
table-deviation_monthly = Deviations per month
table-deviation_yoy = Deviations this year and last by category
table-deviation_closure = Closing deviations
table-deviation_sources = Who reports
table-deviation_root_causes = Root causes (Pareto)
table-deviation_spc = Control chart of the deviation rate
table-deviation_trend = Trend in deviations (Mann-Kendall)
table-risk_matrix = Risk matrix
table-risk_by_sector = Risks by sector
table-risk_by_category = Risks by category
table-risk_measures = Measures by status
table-risk_top = The highest risks
table-ros_coverage_register = ROS coverage in the register
table-ros_survey_by_sector = ROS practice by sector (survey)
table-ros_survey_types = Types of ROS analysis (survey)
table-ros_survey_likert = Attitudes to ROS (survey)
table-maturity_self_assessment = Maturity self-assessment
table-maturity_indicators = Internal control indicators
table-inspections_summary = Inspections and audits
table-benchmark = Comparison of municipalities
table-data_quality = Data quality

## Help texts (--help)

help-main = ikrapport: the annual report on internal control (kommuneloven § 25-1 and § 25-2) from deviations, ROS registers, surveys, maturity self-assessments and inspections.
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-heading-usage = Usage:
help-default = [default: { $value }]
help-flag-help = Print help
help-flag-version = Print version
help-global-lang = Language of messages and report: nb (bokmål), nn (nynorsk) or en.
help-global-quiet = Print nothing but errors.
help-global-verbose = Print time spent per file and per table to stderr.
help-run = Read, analyse and write the report for a project folder.
help-validate = Read the files and show what was found in each, and which rows were rejected.
help-query = Run SQL on the canonical tables and the result tables.
help-generate = Make synthetic data for all six sources (the same --seed gives the same files).
help-init = Make a new project folder with config, codebook and example files.
help-run-folder = The project folder.
help-run-strict = Exit with an error code when a row is rejected.
help-run-year = Report year (default: the last complete year in the data).
help-run-as_of = The date «open» and «overdue» are judged against (default 31 December of the report year).
help-run-focus = The kommunenummer to highlight in comparisons.
help-run-survey = The name of the survey to use (default: the latest wave).
help-run-queries = More folders of *.sql.
help-run-out = Output folder (default out/arsrapport-<year>).
help-validate-folder = The project folder.
help-validate-json = Print the result as one JSON document.
help-validate-strict = Exit with an error code when a row is rejected.
help-validate-limit = How many data-quality rows to show (JSON has all).
help-query-args = The project folder (default sample-data) and/or the SQL query. A single argument is the query.
help-query-file = Read the query from a file (e.g. queries/deviation_counts.sql).
help-query-format = Output format: table, csv or json.
help-query-year = Report year (default: the last complete year in the data).
help-query-as_of = The date «open» and «overdue» are judged against (default 31 December of the report year).
help-query-queries = More folders of *.sql.
help-query-limit = Most rows shown as a table.
help-generate-out = The folder the data is written to.
help-generate-profile = kommune (one municipality, ~100,000 inhabitants), national (many municipalities) or national-x10 (the same municipalities ten times over, for stress tests).
help-generate-seed = Seed of the random numbers: the same seed gives the same files, byte for byte.
help-generate-municipalities = Number of municipalities (national).
help-generate-years = Number of years of deviations and inspections.
help-generate-last_year = The last year in the data.
help-generate-population = Population (kommune; default 100,000), or the largest population of the made-up municipalities (national; default 120,000).
help-generate-reference = CSV with kommunenummer, kommune, fylke and innbyggere to take names and populations from (national), e.g. ../shared/reference/municipalities-2025.csv.
help-init-folder = The folder to make (if it exists, only missing files are written).

## The report

report-title = Internal control and state inspections
report-subtitle = { $kommune } – annual report { $year }, figures as of { $as_of }
report-subtitle-unnamed = Annual report { $year }, figures as of { $as_of }
report-kommune-number = municipality { $knr }
report-unreadable = Could not read the report definition { $path }: { $why }
report-invalid = The report definition { $path } cannot be read (line { $line }): { $why }
report-name-error = The report definition { $path }, line { $line }: { $what }
report-unknown-table = the table «{ $table }» does not exist.{ $hint }
report-unknown-column = the table «{ $table }» has no column «{ $column }».{ $hint }
report-unknown-chart = the chart kind «{ $kind }» does not exist.{ $hint } The kinds are: { $known }.
report-did-you-mean = {" "}Did you mean «{ $name }»?
report-template-error = The text of the section «{ $section }» in { $path } cannot be made: { $why }
report-contents = Contents
report-sectors = The sectors
report-sector-page = Sector page: { $sector }
report-back = Back to the report
report-made-by = Made by ikrapport { $version }. The tables are also in the report folder as CSV, Excel and Parquet.
report-data-table = The figures behind the chart
figure-data-title = Figures of the chart: { $title }
note-suppressed = Figures for groups of fewer than { $n } respondents or reports are hidden for privacy (shown as <{ $n } or –).
suppressed-short = hidden (too few)
section-omitted = The section is left out: there is no data in «{ $table }».
section-omitted-few = The section is left out: «{ $table }» has fewer than { $min } rows.
section-deviations = Deviations and adverse events
section-risks = Risks and risk assessments (ROS)
section-survey = Risk assessment practice in the services
section-maturity = Maturity of internal control
section-inspections = Inspections and audits
section-benchmark = Comparison with other municipalities
section-data-quality = Data and data quality
text-dev-level = { $n } deviations and other reports were registered in { $year }.
text-dev-change = That is { $change } { $up ->
        [1] more
       *[0] fewer
    } than in { $prev_year }.
text-dev-culture = More reports can mean more events, but also a better reporting culture; read the figures together with who reports and what the reports are about.
text-dev-closure = Of the reports from { $year }, { $share } were closed as of { $as_of }, with a median of { $median } days from report to closing.
text-dev-open = { $open } reports were open, { $old } of them older than 180 days.
text-dev-trend-up = Over the last { $years } years the increase is statistically clear (Mann-Kendall, 5% level).
text-dev-trend-down = Over the last { $years } years the decrease is statistically clear (Mann-Kendall, 5% level).
text-risk-level = The risk register holds { $risks } risks from { $analyses } analyses; { $red } of them are in the red zone.
text-risk-measures = { $without } of the { $needs } risks that require measures have none.
text-risk-overdue = { $overdue } are past their review date, and { $stale } have not been assessed in the last twelve months.
text-risk-coverage = { $share } of the { $units } units have a risk assessment reviewed in the last year.
text-survey-level = { $n } answered the survey of risk assessment practice. { $any } had taken part in at least one risk assessment in the last year, and { $service } in a service-specific one.
text-survey-nobody = { $share } inform nobody of the results.
text-survey-competence = { $share } find their competence in risk assessment good.
text-survey-training = { $share } want more training.
text-maturity-index = The maturity index of the whole municipality is { $index } of 100 (level { $level } of 5), from { $used } indicators.
text-maturity-gap = The largest gap between now and the ambition is in «{ $dimension }» ({ $gap } levels).
text-inspections-level = In { $year } the municipality had { $n } inspections and audits with { $findings } breaches or findings.
text-inspections-none = No inspections or audits are registered in { $year }.
text-inspections-open = { $open } findings were not closed as of { $as_of }, { $overdue } of them past the deadline.
text-benchmark-level = { $kommune } is compared with { $n } municipalities in the data.
text-benchmark-index = The maturity index is { $index }, higher than { $rank } of the municipalities.
text-benchmark-reports = The municipality has { $rate } deviation reports per 1,000 inhabitants, more than { $rank } of the municipalities.
text-benchmark-nofocus = The data holds { $n } municipalities. Choose the one the report is about with --focus.
text-dq-level = The report rests on { $read } rows from the exports. { $rejected } rows were left out because a value could not be used, and { $warnings } values were read with a warning; each is listed in data-quality.csv with file, row and reason.
text-sector-dev = { $sector } registered { $n } deviations and other reports in { $year }.
text-sector-closed = { $share } of them were closed as of { $as_of }.
text-sector-dev-hidden = { $sector } has fewer than { $threshold } reports; the figures are hidden for privacy.
text-sector-spc = The control chart shows { $n ->
    [one] { $n } month
   *[other] { $n } months
} with a signal in the last three years (outside the limits or a long run on one side of the centre line).
text-sector-no-risks = The sector has no risks in the risk register.
chart-title-monthly = Deviations per month by sector, last three years
chart-title-sector-types = Deviations by sector and type, this year and last
chart-title-spc = Deviation rate per month with control limits, whole municipality
chart-title-spc-sector = Deviation rate per month with control limits
# Without a units table the control chart plots counts, not a rate.
chart-title-spc-count = Deviations per month with control limits, whole municipality
chart-title-spc-sector-count = Deviations per month with control limits
chart-title-closure = Open deviations by age, and median time to close
chart-title-pareto = Root causes of deviations (Pareto)
chart-title-risk-matrix = Risk matrix before and after measures
chart-title-risk-sectors = Risks by sector and zone
chart-title-coverage = ROS coverage by sector
chart-title-bands = Number of risk assessments respondents took part in last year
chart-title-likert = Attitudes to risk assessment
chart-title-maturity = Maturity now and ambition by dimension
chart-title-inspections = Findings of inspections and audits by authority and year
chart-title-benchmark = Indicators compared with other municipalities
axis-deviations = Number of deviations
axis-month = Month
axis-rate = Deviations per 100 FTEs
axis-open = Number of open deviations
axis-root-cause = Root cause
axis-risks = Number of risks
axis-share = Share (%)
axis-share-respondents = Share of respondents (%)
axis-findings = Number of findings
chart-no-data = No data to show.
chart-other-sectors = Other sectors
chart-other-causes = Other causes
chart-some-hidden = some hidden
chart-source = Source: { $source }, n = { $n }
chart-source-deviation_monthly = the deviation log
chart-source-deviation_spc = the deviation log and the list of units
chart-source-deviation_counts = the deviation log
chart-source-deviation_closure = the deviation log
chart-source-deviation_root_causes = the deviation log
chart-source-risk_matrix = the risk register
chart-source-risk_by_sector = the risk register
chart-source-ros_coverage_register = the risk register, the list of units and the survey
chart-source-ros_survey_by_sector = the survey of ROS practice
chart-source-ros_survey_likert = the survey of ROS practice
chart-source-maturity_self_assessment = the maturity self-assessment
chart-source-inspections_summary = the list of inspections and audits
chart-source-benchmark = the municipalities' own data
chart-spc-rate = Rate
chart-spc-count = Count
chart-spc-center = Centre line
chart-spc-limits = Control limits (Laney u′)
chart-spc-signal = Signal
chart-closure-row = { $sector } (median { $days } d)
chart-risk-row = { $overdue } overdue, { $without } without measures
chart-matrix-inherent = Before measures
chart-matrix-residual = After measures
chart-coverage-register = Units with a current ROS (register)
chart-coverage-survey = Did a service-specific ROS (survey)
chart-bands-none = none: { $share }
chart-likert-agree = agree: { $share }
chart-maturity-now = Now (mean)
chart-maturity-ambition = Ambition (mean)
chart-maturity-spread = Spread of the scores (lowest–highest)
chart-maturity-axis = Maturity level (1–5)
chart-inspections-bar = { $year }: { $findings } findings, { $open } open
chart-inspections-closed = Closed findings
chart-inspections-open = Open findings
chart-benchmark-others = Other municipalities
chart-benchmark-focus = The municipality
chart-benchmark-median = Median of all
chart-benchmark-median-group = Median of the KOSTRA group
chart-benchmark-axis = Share / index (%)
alt-monthly = Line chart: { $title }. { $months } months for { $sectors } sectors; { $top } has the most reports, { $top_n } in the period.
alt-spc = Control chart (Laney u′): { $title }. { $months } months; { $n ->
        [one] one month signals
       *[other] { $n } months signal
    }: { $which }.
alt-spc-none = Control chart (Laney u′): { $title }. { $months } months, no signals: the variation is within the usual.
alt-sector-types = Bar chart: { $title }. { $total } reports in { $year } against { $prev } the year before; most in { $top } ({ $top_n }).
alt-closure = Bar chart: { $title }. { $open } open deviations in the whole municipality, median { $median } days to close; most older than 180 days in { $oldest } ({ $oldest_n }).
alt-pareto = Pareto chart: { $title }. The largest cause is { $top } ({ $top_share }); { $vital } causes make up 80% of the reports.
alt-risk-matrix = Risk matrix: { $title }. { $red } risks in the red zone before measures and { $red_after } after.
alt-risk-sectors = Bar chart: { $title }. { $risks } risks in all, { $red } red; { $overdue } past review and { $without } without measures.
alt-coverage = Bar chart: { $title }. Highest { $best } { $best_v }, lowest { $worst } { $worst_v }.
alt-bands = Bar chart: { $title }. In the whole municipality { $none } took part in no risk assessment, { $few } in 1–5.
alt-likert = Bar chart: { $title }. Respondents agree most with «{ $item }» ({ $share }).
alt-maturity = Dot chart: { $title }. { $dims } dimensions; the largest gap to the ambition in «{ $widest }» ({ $gap } levels).
alt-inspections = Bar chart: { $title }. { $findings } findings in { $year }, { $open } of them open.
alt-benchmark = Dot chart: { $title }. { $n } municipalities; { $focus } is above the median on { $above } of { $of } indicators.
zone-gronn = Green
zone-gul = Yellow
zone-rod = Red
value-zone-gronn = Green
value-zone-gul = Yellow
value-zone-rod = Red
value-status-gronn = ● Green
value-status-gul = ▲ Yellow
value-status-rod = ■ Red
value-kind-inherent = Before measures
value-kind-residual = After measures
value-direction-okende = increasing
value-direction-synkende = decreasing
value-direction-ingen-tydelig-trend = no clear trend
value-analysis_type-alle = all types
month-short = Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec
month-long = January,February,March,April,May,June,July,August,September,October,November,December
likert-ros_useful = ROS is a good support tool
likert-measures_followed = We carry out the measures afterwards
likert-residual_assessed = We assess the risk after measures
likert-competence_ok = Our ROS competence is good
likert-want_training = I want more training
col-rows_read = Rows read
col-rows_kept = Rows kept
col-rows_rejected = Rows rejected
col-warnings = Warnings
col-format = Format
table-input_files = Input files
help-run-report = Report definition (default reports/arsrapport.toml, else the built-in one).
help-run-format = Which outputs: all, html, md, docx, csv, xlsx, parquet, charts (comma-separated).
report-skip = Skip to the content
progress-ingest = Reading the files
progress-analytics = Computing the tables
progress-report = Building the report
progress-charts = Drawing the charts
progress-html = Writing HTML
progress-md = Writing Markdown
progress-docx = Writing Word
progress-tables = Writing CSV and Excel
progress-data = Writing Parquet
progress-manifest = Writing the manifest
run-done = The report for { $year } is ready: { $path } ({ $files } files). Data quality: { $rejected } { $rejected ->
        [one] row
       *[other] rows
    } rejected and { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    } (see data-quality.csv).
bundle-unknown-format = Unknown output format «{ $format }»: use all, html, md, docx, csv, xlsx, parquet or charts.
figure-omitted = The chart «{ $title }» is left out: there are no figures to show.
value-type-avvik = Deviation
value-type-forbedringsforslag = Improvement proposal
value-type-positiv = Positive feedback
value-type-tilsynsfunn = Inspection finding
value-type-revisjonsfunn = Audit finding
value-type-personvernbrudd = Personal data breach
help-run-export_parquet = Also write every table as Parquet partitioned by --partition to this folder (for Spark, Trino or DuckDB), without disclosure control.
help-run-partition = The columns to partition by, comma-separated.
progress-export = Writing partitioned Parquet

# Fixed data values shown in the report's language (i18n::value_text).
value-whole-municipality = Whole municipality
value-not-stated = not stated
