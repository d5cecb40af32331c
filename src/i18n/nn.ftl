### ikrapport – meldingskatalog, nynorsk.
### Kvar melding finst òg i nb.ftl og en.ftl med dei same plasshaldarane.

## Felles

error-prefix = Feil
word-and-sep = {" og "}
word-rows = { $n ->
    [one] rad
   *[other] rader
    }
word-rows-n = { $n ->
    [one] { $n } rad
   *[other] { $n } rader
    }
summary-files = { $n ->
    [one] { $n } fil
   *[other] { $n } filer
    }
origin-builtin = innebygd
severity-error = avvist
severity-warning = åtvaring

## Kjeldene

source-deviations = avvik
source-risks = ROS-register
source-survey = spørjeundersøking
source-units = einingar og årsverk
source-maturity = modenheitsvurdering
source-inspections = tilsyn og revisjonar
source-municipalities = kommuneliste

## Prosjektmappe og oppsett

project-folder-missing = Fann ikkje mappa «{ $path }». Oppgje ei prosjektmappe med datafiler, t.d. sample-data.
project-not-a-folder = «{ $path }» er ei fil, ikkje ei mappe. Oppgje prosjektmappa som fila ligg i.
project-folder-unreadable = Kunne ikkje lese mappa «{ $path }»: { $why }. Sjekk at du har lesetilgang til mappa.
project-no-files = Fann ingen datafiler (.csv, .xlsx, .parquet …) i mappa { $folder }. Køyr `ikrapport init { $folder }` for døme på kvar fil.
strict-rejected = { $n ->
    [one] { $n } rad vart avvist, og --strict er gjeve.
   *[other] { $n } rader vart avviste, og --strict er gjeve.
    } Sjå datakvalitetstabellen (ikrapport validate { $folder }) for kva rader og kvifor.
config-unreadable = Kunne ikkje lese konfigurasjonsfila { $path }: { $why }.
config-invalid = Konfigurasjonsfila { $path } kan ikkje lesast (linje { $line }): { $why }
config-wrong = Konfigurasjonsfila { $path }: { $what }
config-scale-max = scale_max = { $value } er ikkje ein brukbar skala (bruk 4, 5 eller 6)
config-kommunenummer = kommunenummer = "{ $value }" skal ha fire siffer, t.d. "5001"
config-zones = risk.green_max må vere mindre enn risk.yellow_max
config-disclosure = disclosure_threshold må vere minst 1
config-unknown-indicator = ikrapport.toml: [analytics.indicators.{ $name }] er ikkje ein indikator. Kjende indikatorar: { $known }.
config-file-missing = ikrapport.toml nemner fila «{ $file }» under [sources.{ $source }], men ho finst ikkje i { $folder }
codebook-unreadable = Kunne ikkje lese kodeboka { $path }: { $why }
codebook-invalid = Kodeboka { $path } kan ikkje lesast (linje { $line }): { $why }
codebook-no-options = Kodeboka { $path }: spørsmålet «{ $question }» manglar svaralternativ (options)
codebook-builtin = (innebygd: ros-praksis)

## Filer som ikkje kan brukast

file-unreadable = Kunne ikkje lese fila «{ $file }»: { $why }
file-empty-bytes = Fila «{ $file }» er tom (0 byte).
file-empty = Fila «{ $file }» er tom.
file-too-large = Fila «{ $file }» har meir enn 4 GiB tekst; del ho opp (t.d. eitt år per fil).
file-binary = Fila «{ $file }» er ikkje ei tekstfil (CSV): ho inneheld binære data. Er det eit rekneark med feil filending?
file-not-parquet = Fila «{ $file }» er ikkje ei lesbar Parquet-fil: { $why }
file-encrypted = Fila «{ $file }» er passordverna (kryptert). Opne ho i Excel, fjern passordet (Fil → Informasjon → Vern arbeidsbok) og lagre ho på nytt.
file-not-spreadsheet = Fila «{ $file }» er ikkje eit rekneark, sjølv om namnet seier det. Lagre ho på nytt frå Excel som .xlsx, eller som CSV.
file-damaged = Fila «{ $file }» er skadd eller ufullstendig (kanskje avkutta under kopiering): { $why }. Eksporter ho på nytt.
file-no-sheets = Fila «{ $file }» har ingen ark med innhald.
file-no-such-sheet = Fila «{ $file }» har ikkje arket «{ $sheet }» (som ikrapport.toml nemner). Arka er: { $sheets }.
file-unknown-source = Kunne ikkje sjå kva kjelde fila «{ $file }» er: namnet seier det ikkje (avvik, ros, tilsyn, …), og overskriftene passar ikkje med dei påkravde kolonnane til nokon kjelde. Gje fila nytt namn, eller nemn ho under [sources] i ikrapport.toml.
file-ambiguous-source = Fila «{ $file }» passar like godt til fleire kjelder ({ $sources }). Nemn ho under [sources] i ikrapport.toml.
file-no-headers = ingen overskrifter
file-sheet-part = {" "}(ark «{ $sheet }»)
file-missing-columns = Fila «{ $file }»{ $sheet } kan ikkje brukast som { $source }: fann ikkje { $n_missing ->
    [one] den påkravde kolonnen
   *[other] dei påkravde kolonnane
    } { $missing } i dei første { $rows } radene. Overskrifter som vart funne (rad { $row }): { $found }.
file-did-you-mean = Fann «{ $found }» – meinte du «{ $alias }»?
file-fix-header = Rett overskrifta i fila, eller legg ho til som alias i ikrapport.toml under [aliases].
file-codebook-broken = Spørjeundersøkinga «{ $file }» kan ikkje lesast fordi kodeboka ikkje kan brukast: { $why }
note-kommunenummer-from-config = Fila har ingen kolonne for kommunenummer; { $knr } frå ikrapport.toml er brukt.
note-kommunenummer-missing = Verken fila eller ikrapport.toml gjev kommunenummer; analysane brukar 0000. Set kommunenummer i ikrapport.toml.
note-other-sheet = Arket «{ $sheet }» har òg rette overskrifter, men vart ikkje lese (berre det første arket som passar, blir lese). Nemn arket under [sources] i ikrapport.toml for å lese det i staden.

## Grunnar i datakvalitetstabellen

reason-required_blank = påkravd verdi manglar
reason-not_a_date = ikkje ein dato (bruk t.d. 14.02.2024 eller 2024-02-14)
reason-no_such_date = datoen finst ikkje i kalenderen
reason-implausible_date = usannsynleg dato (før 1950 eller etter 2100)
reason-not_a_number = ikkje eit tal
reason-not_an_integer = ikkje eit heiltal
reason-out_of_scale = utanfor skalaen { $min }–{ $max }
reason-negative = kan ikkje vere negativt
reason-not_a_bool = ikkje ja/nei
reason-guessed_value = ukjend verdi, tolka som «{ $guessed }»
reason-unknown_value = ukjend verdi; gyldige verdiar er: { $allowed }
reason-score_mismatch = oppgjeven risikoverdi { $given } stemmer ikkje med sannsyn × konsekvens = { $computed }; { $computed } er brukt
reason-bad_kommunenummer = kommunenummer skal ha fire siffer
reason-short_row = rada har { $found } felt, overskrifta { $expected }; manglande felt er lesne som tomme
reason-long_row = rada har { $found } felt, overskrifta berre { $expected } (skiljeteikn i ein verdi utan hermeteikn?)
reason-unknown_answer = ukjent svaralternativ på «{ $question }»; svaret er utelate
reason-closed_before_reported = lukka dato er før meld dato
reason-deadline_before_date = fristen er før tilsynsdatoen

## Spørjingar

query-failed = Spørjinga { $label } feila: { $why }
query-panicked = Spørjinga { $label } kunne ikkje køyrast (polars: { $why })
query-command-line = kommandolinje
query-both = Oppgje anten ei spørjing eller --file, ikkje begge.
query-none = Oppgje ei SQL-spørjing, t.d. ikrapport query sample-data "SELECT * FROM deviation_counts", eller --file.
query-more-rows = … { $n ->
    [one] { $n } rad til
   *[other] { $n } rader til
    } (bruk --limit, --format csv eller --format json)
query-file-name = Spørjefila { $path } har eit namn som ikkje kan brukast som tabellnamn: bruk små bokstavar, tal og _ (t.d. min_tabell.sql).
query-file-unreadable = Kunne ikkje lese spørjefila { $path }: { $why }
queries-dir-unreadable = Kunne ikkje lese mappa med spørjingar { $path }: { $why }
query-builtin-name = Spørjefila { $path } har same namn som ein innebygd tabell ({ $name }). Gje ho eit anna namn.
query-unclosed-placeholder = Spørjinga { $label } har ein {"{{"} utan {"}}"}.
query-unknown-placeholder = Spørjinga { $label } brukar den ukjende parameteren { $key }. Kjende parametrar: { $known }.
query-not-sql = Spørjinga { $label } kan ikkje lesast som SQL: { $why }
query-cycle = Spørjingane les kvarandre i ring: { $ring }. Bryt ringen ved å la ei av dei lese frå dei kanoniske tabellane.
query-unknown-table = Spørjinga { $label } les tabellen «{ $table }», som ikkje finst. Kjende tabellar: { $known }.
query-meta-invalid = Kolonneskildringa (linjene som byrjar med --!) i { $path } kan ikkje lesast (linje { $line }): { $why }
query-meta-kind = kolonnen «{ $column }» har typen «{ $kind }»; bruk ein av { $kinds }
query-meta-unknown-column = { $path } skildrar kolonnen «{ $column }» (i linjene som byrjar med --!), men spørjinga lagar han ikkje. Kolonnane er: { $columns }.
query-missing-column = Tabellen «{ $table }» frå { $query } manglar kolonnen «{ $column }», som analysen { $reader } les. Legg kolonnen til i spørjinga, eller fjern fila så den innebygde spørjinga blir brukt.
query-builtin-failed-on-user-table = { $error } Ho les tabellar frå dine eigne spørjingar ({ $inputs }); sjekk at dei har dei same kolonnane som dei innebygde.
year-no-dates = Fann ingen datoar å velje rapportår frå. Oppgje året med --year.
year-out-of-range = --year { $year } er utanfor 1950–2100

## Interne feil

internal-error-report = Dette er ein intern feil; meld han gjerne med kommandoen du køyrde.
internal-panic = intern feil ({ $why }). Dette er ein feil i ikrapport; meld han gjerne med kommandoen du køyrde.
internal-panic-at = Staden i koden: { $place }.
internal-panic-verbose = Køyr med -v for å sjå kvar i koden feilen oppstod.
internal-missing-column = finst ikkje
io-read = kunne ikkje lese { $path }
io-write = kunne ikkje skrive { $path }
io-mkdir = kunne ikkje lage mappa { $path }

## Kommandolinja

cli-unknown-language = Ukjent språk «{ $lang }»: bruk nb, nn eller en.
cli-as-of = --as-of «{ $value }» er ikkje ein dato: skriv t.d. 2025-12-31 eller 31.12.2025
init-wrote = Skreiv { $path }
init-skipped = Hoppa over { $path } (finst frå før)
init-next = Neste steg: legg eigne eksportar i mappa og køyr ikrapport validate { $folder }
generate-years = --years { $years } er utanfor 1–30
generate-reference-columns = { $path } må ha kolonnane kommunenummer, kommune, fylke og innbyggere
bundle-not-ours = Utmappa { $path } finst og er ikkje ei rapportmappe laga av ikrapport, så ho blir ikkje overskriven. Vel ei anna --out, eller slett mappa sjølv.
bundle-marker = Laga av ikrapport. Mappa blir ikkje lesen som inndata.

## validate

validate-file = Fil: { $file }
validate-source = Kjelde: { $source } – { $how }
validate-detected-config = oppgjeve i ikrapport.toml
validate-detected-name = kjend att på namnet
validate-detected-headers = kjend att på overskriftene
validate-unusable = KAN IKKJE BRUKAST: { $why }
validate-format = Format: { $format }
validate-delimiter = skiljeteikn «{ $d }»
validate-sheet = Ark: { $sheet }
validate-header-row = Overskriftsrad: { $row }
validate-codebook = Kodebok: { $codebook }
validate-columns = Kolonnar:
validate-role-extra = ukjend kolonne, halden på som ekstra
validate-role-duplicate = same som ein tidlegare kolonne, halden på som ekstra
validate-role-question = spørsmål
validate-note = Merk: { $note }
validate-absent = Ikkje i fila (valfrie): { $columns }
validate-rows = Rader: { $read } lesne, { $kept } haldne på, { $rejected } avviste, { $warnings } { $warnings ->
    [one] åtvaring
   *[other] åtvaringar
    }
validate-dq-heading = Datakvalitet ({ $n ->
    [one] { $n } rad
   *[other] { $n } rader
    }):
validate-dq-none = Ingen avviste eller tvilsame verdiar.
validate-row = rad { $row }
validate-row-line = rad { $row } (linje { $line })
validate-dq-more = … { $n } til (sjå alle med --json)
validate-summary = Samandrag: { $files ->
    [one] { $files } fil
   *[other] { $files } filer
    }, { $read } { $read ->
    [one] rad
   *[other] rader
    } lesne, { $kept } haldne på, { $rejected } avviste.

## Merknader i resultattabeller

note-spc-too-few-points = for få punkt for kontrollgrenser (under 12 månader)
note-spc-no-events = ingen avvik i perioden
note-trend-too-few-years = for få år til å teste trend (under 4); stigingstalet er likevel oppgjeve

## Kolonnar (overskrifter i tabellar og rekneark)

col-kommunenummer = Kommunenr.
col-sector = Sektor
col-reported = Meldt
col-closed = Lukka
col-closed_share = Del lukka
col-median_days_to_close = Median dagar til lukking
col-p90_days_to_close = 90-persentil dagar
col-closed_within_90d_share = Lukka innan 90 dagar
col-open_at_as_of = Opne
col-open_0_30 = Opne 0–30 dagar
col-open_31_90 = Opne 31–90 dagar
col-open_91_180 = Opne 91–180 dagar
col-open_over_180 = Opne over 180 dagar
col-year = År
col-type = Type
col-count = Tal
col-per_100_employees = Per 100 årsverk
col-share_of_year = Del av året
col-root_cause = Årsak
col-share = Del
col-cumulative_share = Kumulativ del
col-source = Kjelde
col-category = Kategori
col-count_year = Tal i år
col-count_prev_year = Tal i fjor
col-change = Endring
col-change_pct = Endring i prosent
col-authority = Tilsynsstyresmakt
col-inspections = Tilsyn
col-findings = Lovbrot/avvik
col-remarks = Merknader
col-open = Opne
col-overdue = Forfalle
col-dimension = Dimensjon
col-n = Tal på svar
col-current_mean = No (snitt)
col-current_min = No (lågast)
col-current_max = No (høgast)
col-current_sd = No (standardavvik)
col-ambition_mean = Ambisjon (snitt)
col-gap = Gap
col-mean_score = Gjennomsnittleg risiko
col-max_score = Høgaste risiko
col-risks = Risikoar
col-analyses = Analysar
col-units_with_risks = Einingar med risikoar
col-red = Raude
col-yellow = Gule
col-green = Grøne
col-needs_measure = Krev tiltak
col-needs_measure_without_measure = Krev tiltak, utan tiltak
col-residual_assessed_share = Restrisiko vurdert
col-review_overdue = Revisjon forfallen
col-stale = Ikkje vurdert siste 12 mnd.
col-kind = Risiko
col-probability = Sannsyn
col-consequence = Konsekvens
col-zone = Sone
col-rank = Nr.
col-id = ID
col-unit = Eining
col-analysis = Analyse
col-hazard = Uønskt hending
col-score = Risiko (S × K)
col-residual_score = Restrisiko
col-analysis_type = Analysetype
col-units = Einingar
col-units_with_ros = Einingar med ROS
col-units_with_current_ros = Einingar med oppdatert ROS
col-coverage = Dekning
col-current_coverage = Oppdatert dekning
col-respondents = Respondentar
col-share_band_0 = Ingen ROS
col-share_band_1_5 = 1–5 ROS
col-share_band_6_20 = 6–20 ROS
col-share_band_21_50 = 21–50 ROS
col-share_band_over_50 = Over 50 ROS
col-count_band_21_50 = Tal 21–50
col-count_band_over_50 = Tal over 50
col-share_any_ros = Har delteke i ROS
col-share_tjenestespesifikk = Tenestespesifikk ROS
col-count_tjenestespesifikk = Tal tenestespesifikk
col-share_not_relevant = ROS ikkje relevant
col-share_informs_nobody = Informerer ingen
col-share_main_tool = Brukar kvalitetssystemet
col-count_main_tool = Tal kvalitetssystem
col-answered_ros_count = Svar: tal på ROS
col-answered_ros_types = Svar: typar ROS
col-answered_ros_relevant = Svar: relevans
col-answered_ros_informed = Svar: kven blir informert
col-answered_ros_tool = Svar: verktøy
col-item = Påstand
col-mean = Snitt (1–5)
col-share_agree = Einig
col-share_disagree = Ueinig
col-level_1 = Heilt ueinig
col-level_2 = Ueinig
col-level_3 = Nøytral
col-level_4 = Einig
col-level_5 = Heilt einig
col-answered = Svar
col-month = Månad
col-rolling_12m = Siste 12 månader
col-exposure = Årsverk
col-rate = Rate per årsverk
col-rate-count = Rate (tal, årsverk ukjende)
col-center = Senterlinje
col-ucl = Øvre grense
col-lcl = Nedre grense
col-sigma_z = Sigma z
col-signal = Signal
col-note = Merknad
col-years = År med data
col-mann_kendall_s = Mann-Kendall S
col-kendall_tau = Kendalls tau
col-p_value = p-verdi
col-sens_slope = Endring per år (Sen)
col-direction = Retning
col-first_year = Frå år
col-last_year = Til år
col-file = Fil
col-sheet = Ark
col-row = Rad
col-line = Linje
col-column = Kolonne
col-value = Verdi
col-severity = Alvor
col-reason = Grunn
col-code = Kode
col-ros_current_coverage = Oppdatert ROS-dekning
col-reviews_on_time = Revisjonar i tide
col-red_risks_with_measures = Raude risikoar med tiltak
col-deviations_closed_90d = Avvik lukka innan 90 dagar
col-reporting_rate = Meldingar per 100 årsverk
col-improvement_share = Del forbetringsforslag
col-survey_competence = Opplevd ROS-kompetanse
col-inspection_findings_closed = Tilsynsfunn lukka
col-maturity_index = Modenheitsindeks
col-maturity_level = Modenheitsnivå
col-indicators_used = Indikatorar brukte
col-missing_indicators = Manglande indikatorar
col-n_deviations = Meldingar i året
col-n_respondents = Respondentar (kompetanse)
col-kommune = Kommune
col-innbyggere = Innbyggjarar
col-kostra_group = KOSTRA-gruppe
col-focus = Fokuskommune
col-deviations_per_1000_innbyggere = Avvik per 1 000 innbyggjarar
col-deviations_per_100_employees = Avvik per 100 årsverk
col-derived-pct-rank = Persentil: { $of }
col-derived-pct-rank-kostra = Persentil i KOSTRA-gruppa: { $of }
col-derived-status = Status: { $of }

## Tabellar

table-deviation_counts = Avvik per år, sektor og type
table-deviation_monthly = Avvik per månad
table-deviation_yoy = Avvik i år og i fjor per kategori
table-deviation_closure = Lukking av avvik
table-deviation_sources = Kven som melder
table-deviation_root_causes = Årsaker (Pareto)
table-deviation_spc = Styringsdiagram for avviksraten
table-deviation_trend = Trend i avvik (Mann-Kendall)
table-risk_matrix = Risikomatrise
table-risk_by_sector = Risikoar per sektor
table-risk_by_category = Risikoar per kategori
table-risk_measures = Tiltak per status
table-risk_top = Dei høgaste risikoane
table-ros_coverage_register = ROS-dekning i registeret
table-ros_survey_by_sector = ROS-praksis per sektor (undersøking)
table-ros_survey_types = Typar ROS-analysar (undersøking)
table-ros_survey_likert = Haldningar til ROS (undersøking)
table-maturity_self_assessment = Eigenvurdering av modenheit
table-maturity_indicators = Indikatorar for internkontroll
table-inspections_summary = Tilsyn og revisjonar
table-benchmark = Samanlikning av kommunar
table-data_quality = Datakvalitet

## Hjelpetekstar (--help)

help-main = ikrapport: årsrapport for internkontroll (kommunelova § 25-1 og § 25-2) frå avvik, ROS-register, spørjeundersøkingar, modenheitsvurderingar og tilsyn.
help-heading-commands = Kommandoar
help-heading-arguments = Argument
help-heading-options = Val
help-heading-usage = Bruk:
help-default = [standard: { $value }]
help-flag-help = Vis hjelp
help-flag-version = Vis versjon
help-global-lang = Språk for meldingar og rapport: nb (bokmål), nn (nynorsk) eller en.
help-global-quiet = Ingen utskrift utanom feil.
help-global-verbose = Skriv tidsbruk per fil og per tabell til stderr.
help-run = Les inn, analyser og skriv rapporten for ei prosjektmappe.
help-validate = Les inn filene og vis kva som vart funne i kvar, og kva rader som vart avviste.
help-query = Køyr SQL mot dei kanoniske tabellane og resultattabellane.
help-generate = Lag syntetiske data for alle seks kjeldene (same --seed gjev same filer).
help-init = Lag ei ny prosjektmappe med oppsett, kodebok og eksempelfiler.
help-run-folder = Prosjektmappa.
help-run-strict = Avslutt med feilkode når ei rad er avvist.
help-run-year = Rapportår (standard: siste heile år i dataa).
help-run-as_of = Datoen «open» og «forfallen» blir vurderte mot (standard 31.12. i rapportåret).
help-run-focus = Kommunenummeret som skal framhevast i samanlikningar.
help-run-survey = Namnet på undersøkinga som skal brukast (standard: siste runde).
help-run-queries = Fleire mapper med *.sql.
help-run-out = Utmappe (standard out/arsrapport-<år>).
help-validate-folder = Prosjektmappa.
help-validate-json = Skriv resultatet som eitt JSON-dokument.
help-validate-strict = Avslutt med feilkode når ei rad er avvist.
help-validate-limit = Kor mange datakvalitetsrader som blir viste (JSON har alle).
help-query-args = Prosjektmappa (standard sample-data) og/eller SQL-spørjinga. Er det berre eitt argument, er det spørjinga.
help-query-file = Les spørjinga frå ei fil (t.d. queries/deviation_counts.sql).
help-query-format = Utformat: table, csv eller json.
help-query-year = Rapportår (standard: siste heile år i dataa).
help-query-as_of = Datoen «open» og «forfallen» blir vurderte mot (standard 31.12. i rapportåret).
help-query-queries = Fleire mapper med *.sql.
help-query-limit = Maks tal på rader i tabellvising.
help-generate-out = Mappa dataa blir skrivne til.
help-generate-profile = kommune (éin kommune, ~100 000 innbyggjarar), national (mange kommunar) eller national-x10 (dei same kommunane ti gonger, for belastningstest).
help-generate-seed = Frø for tilfeldige tal: same frø gjev same filer, byte for byte.
help-generate-municipalities = Tal på kommunar (national).
help-generate-years = Tal på år med avvik og tilsyn.
help-generate-last_year = Siste år i dataa.
help-generate-population = Folketal (kommune; standard 100 000), eller største folketal blant dei oppdikta kommunane (national; standard 120 000).
help-generate-reference = CSV med kommunenummer, kommune, fylke og innbyggere å hente namn og folketal frå (national), t.d. ../shared/reference/municipalities-2025.csv.
help-init-folder = Mappa som skal lagast (finst ho, blir berre filer som manglar skrivne).

## Rapporten

report-title = Internkontroll og statlege tilsyn
report-subtitle = { $kommune } – årsrapport for { $year }, tal per { $as_of }
report-subtitle-unnamed = Årsrapport for { $year }, tal per { $as_of }
report-kommune-number = kommune { $knr }
report-unreadable = Kunne ikkje lese rapportdefinisjonen { $path }: { $why }
report-invalid = Rapportdefinisjonen { $path } kan ikkje lesast (linje { $line }): { $why }
report-name-error = Rapportdefinisjonen { $path }, linje { $line }: { $what }
report-unknown-table = tabellen «{ $table }» finst ikkje.{ $hint }
report-unknown-column = tabellen «{ $table }» har ingen kolonne «{ $column }».{ $hint }
report-unknown-chart = figurtypen «{ $kind }» finst ikkje.{ $hint } Typane er: { $known }.
report-did-you-mean = {" "}Meinte du «{ $name }»?
report-template-error = Teksten i avsnittet «{ $section }» i { $path } kan ikkje lagast: { $why }
report-contents = Innhald
report-sectors = Sektorane
report-sector-page = Sektorside: { $sector }
report-back = Tilbake til rapporten
report-made-by = Laga av ikrapport { $version }. Tabellane finst òg som CSV, Excel og Parquet i rapportmappa.
report-data-table = Tala bak figuren
figure-data-title = Tal til figuren: { $title }
note-suppressed = Tal for grupper med færre enn { $n } respondentar eller meldingar er skjulte av omsyn til personvernet (viste som <{ $n } eller –).
suppressed-short = skjult (for få)
section-omitted = Avsnittet er utelate: det finst ingen data i «{ $table }».
section-omitted-few = Avsnittet er utelate: «{ $table }» har færre enn { $min } rader.
section-deviations = Avvik og uønskte hendingar
section-risks = Risiko og ROS-analysar
section-survey = ROS-praksis i verksemdene
section-maturity = Modenheit i internkontrollen
section-inspections = Tilsyn og revisjonar
section-benchmark = Samanlikning med andre kommunar
section-data-quality = Datagrunnlag og datakvalitet
text-dev-level = Det vart meldt { $n } avvik og andre meldingar i { $year }.
text-dev-change = Det er { $change } { $up ->
        [1] fleire
       *[0] færre
    } enn i { $prev_year }.
text-dev-culture = Fleire meldingar kan tyde fleire hendingar, men òg ein betre meldekultur; sjå tala saman med kven som melder og kva meldingane gjeld.
text-dev-closure = Av meldingane frå { $year } var { $share } lukka per { $as_of }, med median { $median } dagar frå melding til lukking.
text-dev-open = { $open } meldingar var opne, { $old } av dei eldre enn 180 dagar.
text-dev-trend-up = Over dei siste { $years } åra er auken statistisk tydeleg (Mann-Kendall, 5 % nivå).
text-dev-trend-down = Over dei siste { $years } åra er nedgangen statistisk tydeleg (Mann-Kendall, 5 % nivå).
text-risk-level = ROS-registeret har { $risks } risikoar frå { $analyses } analysar; { $red } av dei er i raud sone.
text-risk-measures = { $without } av dei { $needs } risikoane som krev tiltak, har ikkje fått noko tiltak.
text-risk-overdue = { $overdue } har passert datoen for ny vurdering, og { $stale } er ikkje vurderte dei siste tolv månadene.
text-risk-coverage = { $share } av dei { $units } einingane har ein ROS-analyse som er vurdert det siste året.
text-survey-level = { $n } svarte på undersøkinga om ROS-praksis. { $any } hadde delteke i minst éin ROS-analyse det siste året, og { $service } i ein tenestespesifikk ROS.
text-survey-nobody = { $share } informerer ingen om resultata.
text-survey-competence = { $share } meiner kompetansen på ROS er god.
text-survey-training = { $share } ønskjer meir opplæring.
text-maturity-index = Modenheitsindeksen for heile kommunen er { $index } av 100 (nivå { $level } av 5), rekna ut frå { $used } indikatorar.
text-maturity-gap = Størst avstand mellom no-situasjon og ambisjon er det i «{ $dimension }» ({ $gap } nivå).
text-inspections-level = I { $year } hadde kommunen { $n } tilsyn og revisjonar med { $findings } lovbrot eller avvik.
text-inspections-none = Det er ikkje registrert tilsyn eller revisjonar i { $year }.
text-inspections-open = { $open } funn var ikkje lukka per { $as_of }, { $overdue } av dei etter fristen.
text-benchmark-level = { $kommune } er samanlikna med { $n } kommunar i datagrunnlaget.
text-benchmark-index = Modenheitsindeksen er { $index }, høgare enn { $rank } av kommunane.
text-benchmark-reports = Kommunen har { $rate } avviksmeldingar per 1 000 innbyggjarar, fleire enn { $rank } av kommunane.
text-benchmark-nofocus = Datagrunnlaget har { $n } kommunar. Vel kommunen rapporten gjeld med --focus.
text-dq-level = Rapporten byggjer på { $read } rader frå eksportane. { $rejected } rader vart haldne utanfor fordi ein verdi ikkje kunne brukast, og { $warnings } verdiar vart tolka med ei åtvaring; kvar av dei står i data-quality.csv med fil, rad og grunn.
text-sector-dev = { $sector } melde { $n } avvik og andre meldingar i { $year }.
text-sector-closed = { $share } av dei var lukka per { $as_of }.
text-sector-dev-hidden = { $sector } har færre enn { $threshold } meldingar; tala er skjulte av omsyn til personvernet.
text-sector-spc = Styringsdiagrammet viser { $n ->
    [one] { $n } månad
   *[other] { $n } månader
} med signal dei siste tre åra (utanfor grensene eller ein lang serie på éi side av senterlinja).
text-sector-no-risks = Sektoren har ingen risikoar i ROS-registeret.
chart-title-monthly = Avvik per månad per sektor, siste tre år
chart-title-sector-types = Avvik per sektor og type, i år og i fjor
chart-title-spc = Avviksrate per månad med kontrollgrenser, heile kommunen
chart-title-spc-sector = Avviksrate per månad med kontrollgrenser
# Without a units table the control chart plots counts, not a rate.
chart-title-spc-count = Avvik per månad med kontrollgrenser, heile kommunen
chart-title-spc-sector-count = Avvik per månad med kontrollgrenser
chart-title-closure = Opne avvik etter alder og median tid til lukking
chart-title-pareto = Årsaker til avvik (Pareto)
chart-title-risk-matrix = Risikomatrise før og etter tiltak
chart-title-risk-sectors = Risikoar per sektor etter sone
chart-title-coverage = ROS-dekning per sektor
chart-title-bands = Tal på ROS-analysar respondentane har delteke i siste år
chart-title-likert = Haldningar til ROS-arbeidet
chart-title-maturity = Modenheit no og ambisjon per dimensjon
chart-title-inspections = Funn i tilsyn og revisjonar per styresmakt og år
chart-title-benchmark = Indikatorar samanlikna med andre kommunar
axis-deviations = Tal på avvik
axis-month = Månad
axis-rate = Avvik per 100 årsverk
axis-open = Tal på opne avvik
axis-root-cause = Årsak
axis-risks = Tal på risikoar
axis-share = Del (%)
axis-share-respondents = Del av respondentane (%)
axis-findings = Tal på funn
chart-no-data = Ingen data å vise.
chart-other-sectors = Andre sektorar
chart-other-causes = Andre årsaker
chart-some-hidden = noko skjult
chart-source = Kjelde: { $source }, n = { $n }
chart-source-deviation_monthly = avviksregisteret
chart-source-deviation_spc = avviksregisteret og einingsoversikta
chart-source-deviation_counts = avviksregisteret
chart-source-deviation_closure = avviksregisteret
chart-source-deviation_root_causes = avviksregisteret
chart-source-risk_matrix = ROS-registeret
chart-source-risk_by_sector = ROS-registeret
chart-source-ros_coverage_register = ROS-registeret, einingsoversikta og spørjeundersøkinga
chart-source-ros_survey_by_sector = spørjeundersøkinga om ROS-praksis
chart-source-ros_survey_likert = spørjeundersøkinga om ROS-praksis
chart-source-maturity_self_assessment = eigenvurdering av modenheit
chart-source-inspections_summary = tilsyns- og revisjonsoversikta
chart-source-benchmark = kommunane sine eigne data
chart-spc-rate = Rate
chart-spc-count = Tal
chart-spc-center = Senterlinje
chart-spc-limits = Kontrollgrenser (Laney u′)
chart-spc-signal = Signal
chart-closure-row = { $sector } (median { $days } d)
chart-risk-row = { $overdue } forfalne, { $without } utan tiltak
chart-matrix-inherent = Før tiltak
chart-matrix-residual = Etter tiltak
chart-coverage-register = Einingar med oppdatert ROS (registeret)
chart-coverage-survey = Har gjort tenestespesifikk ROS (undersøkinga)
chart-bands-none = ingen: { $share }
chart-likert-agree = einig: { $share }
chart-maturity-now = No (snitt)
chart-maturity-ambition = Ambisjon (snitt)
chart-maturity-spread = Spreiing i vurderingane (lågast–høgast)
chart-maturity-axis = Modenheitsnivå (1–5)
chart-inspections-bar = { $year }: { $findings } funn, { $open } opne
chart-inspections-closed = Lukka funn
chart-inspections-open = Opne funn
chart-benchmark-others = Andre kommunar
chart-benchmark-focus = Kommunen
chart-benchmark-median = Median for alle
chart-benchmark-median-group = Median i KOSTRA-gruppa
chart-benchmark-axis = Del / indeks (%)
alt-monthly = Linjediagram: { $title }. { $months } månader for { $sectors } sektorar; flest meldingar har { $top } med { $top_n } i perioden.
alt-spc = Styringsdiagram (Laney u′): { $title }. { $months } månader; { $n ->
        [one] éin månad har
       *[other] { $n } månader har
    } signal: { $which }.
alt-spc-none = Styringsdiagram (Laney u′): { $title }. { $months } månader, ingen signal: variasjonen er innanfor det som er vanleg.
alt-sector-types = Stolpediagram: { $title }. { $total } meldingar i { $year } mot { $prev } året før; flest i { $top } ({ $top_n }).
alt-closure = Stolpediagram: { $title }. { $open } opne avvik i heile kommunen, median { $median } dagar til lukking; flest eldre enn 180 dagar har { $oldest } ({ $oldest_n }).
alt-pareto = Paretodiagram: { $title }. Største årsak er { $top } ({ $top_share }); { $vital } årsaker står for 80 % av meldingane.
alt-risk-matrix = Risikomatrise: { $title }. { $red } risikoar i raud sone før tiltak og { $red_after } etter tiltak.
alt-risk-sectors = Stolpediagram: { $title }. { $risks } risikoar i alt, { $red } raude; { $overdue } med forfallen vurdering og { $without } utan tiltak.
alt-coverage = Søylediagram: { $title }. Høgast { $best } { $best_v }, lågast { $worst } { $worst_v }.
alt-bands = Stolpediagram: { $title }. I heile kommunen hadde { $none } ikkje delteke i nokon ROS-analyse, { $few } i 1–5.
alt-likert = Stolpediagram: { $title }. Mest einige er respondentane i «{ $item }» ({ $share }).
alt-maturity = Prikkdiagram: { $title }. { $dims } dimensjonar; størst avstand til ambisjonen i «{ $widest }» ({ $gap } nivå).
alt-inspections = Stolpediagram: { $title }. { $findings } funn i { $year }, { $open } av dei opne.
alt-benchmark = Prikkdiagram: { $title }. { $n } kommunar; { $focus } ligg over medianen på { $above } av { $of } indikatorar.
zone-gronn = Grøn
zone-gul = Gul
zone-rod = Raud
value-zone-gronn = Grøn
value-zone-gul = Gul
value-zone-rod = Raud
value-status-gronn = ● Grøn
value-status-gul = ▲ Gul
value-status-rod = ■ Raud
value-kind-inherent = Før tiltak
value-kind-residual = Etter tiltak
value-direction-okende = aukande
value-direction-synkende = søkkande
value-direction-ingen-tydelig-trend = ingen tydeleg trend
value-analysis_type-alle = alle typar
month-short = jan.,feb.,mar.,apr.,mai,jun.,jul.,aug.,sep.,okt.,nov.,des.
month-long = januar,februar,mars,april,mai,juni,juli,august,september,oktober,november,desember
likert-ros_useful = ROS er eit godt støtteverktøy
likert-measures_followed = Vi gjennomfører tiltaka etterpå
likert-residual_assessed = Vi vurderer risiko etter tiltak
likert-competence_ok = Kompetansen på ROS er god
likert-want_training = Eg ønskjer meir opplæring
col-rows_read = Rader lesne
col-rows_kept = Rader haldne på
col-rows_rejected = Rader avviste
col-warnings = Åtvaringar
col-format = Format
table-input_files = Inndatafiler
help-run-report = Rapportdefinisjon (standard reports/arsrapport.toml, elles den innebygde).
help-run-format = Kva utdata: all, html, md, docx, csv, xlsx, parquet, charts (kommaseparert).
report-skip = Hopp til innhaldet
progress-ingest = Les inn filene
progress-analytics = Reknar ut tabellane
progress-report = Lagar rapporten
progress-charts = Teiknar figurane
progress-html = Skriv HTML
progress-md = Skriv Markdown
progress-docx = Skriv Word
progress-tables = Skriv CSV og Excel
progress-data = Skriv Parquet
progress-manifest = Skriv manifest
run-done = Rapporten for { $year } er klar: { $path } ({ $files } filer). Datakvalitet: { $rejected } { $rejected ->
        [one] rad
       *[other] rader
    } avvist og { $warnings } { $warnings ->
        [one] åtvaring
       *[other] åtvaringar
    } (sjå data-quality.csv).
bundle-unknown-format = Ukjent utformat «{ $format }»: bruk all, html, md, docx, csv, xlsx, parquet eller charts.
figure-omitted = Figuren «{ $title }» er utelaten: det er ingen tal å vise.
value-type-avvik = Avvik
value-type-forbedringsforslag = Forbetringsforslag
value-type-positiv = Positiv tilbakemelding
value-type-tilsynsfunn = Tilsynsfunn
value-type-revisjonsfunn = Revisjonsfunn
value-type-personvernbrudd = Personvernbrot
help-run-export_parquet = Skriv òg alle tabellane som Parquet partisjonert etter --partition i denne mappa (for Spark, Trino eller DuckDB), utan personvernskjuling.
help-run-partition = Kolonnane det blir partisjonert etter, kommaseparert.
progress-export = Skriv partisjonert Parquet

# Fixed data values shown in the report's language (i18n::value_text).
value-whole-municipality = Heile kommunen
value-not-stated = ikkje oppgitt
