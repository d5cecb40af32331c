### ikrapport – meldingskatalog, norsk bokmål (standardspråket).
### Hver melding finnes også i nn.ftl og en.ftl med de samme plassholderne; testene
### i src/i18n/mod.rs feiler ellers. Tall som sendes som tall, skrives på norsk (1 234).

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
severity-warning = advarsel

## Kildene

source-deviations = avvik
source-risks = ROS-register
source-survey = spørreundersøkelse
source-units = enheter og årsverk
source-maturity = modenhetsvurdering
source-inspections = tilsyn og revisjoner
source-municipalities = kommuneliste

## Prosjektmappe og oppsett

project-folder-missing = Fant ikke mappa «{ $path }». Oppgi en prosjektmappe med datafiler, f.eks. sample-data.
project-not-a-folder = «{ $path }» er en fil, ikke en mappe. Oppgi prosjektmappa som fila ligger i.
project-folder-unreadable = Kunne ikke lese mappa «{ $path }»: { $why }. Sjekk at du har lesetilgang til mappa.
project-no-files = Fant ingen datafiler (.csv, .xlsx, .parquet …) i mappa { $folder }. Kjør `ikrapport init { $folder }` for eksempler på hver fil.
strict-rejected = { $n ->
    [one] { $n } rad ble avvist, og --strict er gitt.
   *[other] { $n } rader ble avvist, og --strict er gitt.
    } Se datakvalitetstabellen (ikrapport validate { $folder }) for hvilke rader og hvorfor.
config-unreadable = Kunne ikke lese konfigurasjonsfila { $path }: { $why }.
config-invalid = Konfigurasjonsfila { $path } kan ikke leses (linje { $line }): { $why }
config-wrong = Konfigurasjonsfila { $path }: { $what }
config-scale-max = scale_max = { $value } er ikke en brukbar skala (bruk 4, 5 eller 6)
config-kommunenummer = kommunenummer = "{ $value }" skal ha fire siffer, f.eks. "5001"
config-zones = risk.green_max må være mindre enn risk.yellow_max
config-disclosure = disclosure_threshold må være minst 1
config-unknown-indicator = ikrapport.toml: [analytics.indicators.{ $name }] er ikke en indikator. Kjente indikatorer: { $known }.
config-file-missing = ikrapport.toml nevner fila «{ $file }» under [sources.{ $source }], men den finnes ikke i { $folder }
codebook-unreadable = Kunne ikke lese kodeboken { $path }: { $why }
codebook-invalid = Kodeboken { $path } kan ikke leses (linje { $line }): { $why }
codebook-no-options = Kodeboken { $path }: spørsmålet «{ $question }» mangler svaralternativer (options)
codebook-builtin = (innebygd: ros-praksis)

## Filer som ikke kan brukes

file-unreadable = Kunne ikke lese fila «{ $file }»: { $why }
file-empty-bytes = Fila «{ $file }» er tom (0 byte).
file-empty = Fila «{ $file }» er tom.
file-too-large = Fila «{ $file }» har mer enn 4 GiB tekst; del den opp (f.eks. ett år per fil).
file-binary = Fila «{ $file }» er ikke en tekstfil (CSV): den inneholder binære data. Er det et regneark med feil filendelse?
file-not-parquet = Fila «{ $file }» er ikke en lesbar Parquet-fil: { $why }
file-encrypted = Fila «{ $file }» er passordbeskyttet (kryptert). Åpne den i Excel, fjern passordet (Fil → Informasjon → Beskytt arbeidsbok) og lagre den på nytt.
file-not-spreadsheet = Fila «{ $file }» er ikke et regneark, selv om navnet sier det. Lagre den på nytt fra Excel som .xlsx, eller som CSV.
file-damaged = Fila «{ $file }» er skadet eller ufullstendig (kanskje avkuttet under kopiering): { $why }. Eksporter den på nytt.
file-no-sheets = Fila «{ $file }» har ingen ark med innhold.
file-no-such-sheet = Fila «{ $file }» har ikke arket «{ $sheet }» (som ikrapport.toml nevner). Arkene er: { $sheets }.
file-unknown-source = Kunne ikke se hvilken kilde fila «{ $file }» er: navnet sier det ikke (avvik, ros, tilsyn, …), og overskriftene passer ikke med de påkrevde kolonnene til noen kilde. Gi fila et nytt navn, eller nevn den under [sources] i ikrapport.toml.
file-ambiguous-source = Fila «{ $file }» passer like godt til flere kilder ({ $sources }). Nevn den under [sources] i ikrapport.toml.
file-no-headers = ingen overskrifter
file-sheet-part = {" "}(ark «{ $sheet }»)
file-missing-columns = Fila «{ $file }»{ $sheet } kan ikke brukes som { $source }: fant ikke { $n_missing ->
    [one] den påkrevde kolonnen
   *[other] de påkrevde kolonnene
    } { $missing } i de første { $rows } radene. Overskrifter som ble funnet (rad { $row }): { $found }.
file-did-you-mean = Fant «{ $found }» – mente du «{ $alias }»?
file-fix-header = Rett overskriften i fila, eller legg den til som alias i ikrapport.toml under [aliases].
file-codebook-broken = Spørreundersøkelsen «{ $file }» kan ikke leses fordi kodeboken ikke kan brukes: { $why }
note-kommunenummer-from-config = Fila har ingen kolonne for kommunenummer; { $knr } fra ikrapport.toml er brukt.
note-kommunenummer-missing = Verken fila eller ikrapport.toml gir kommunenummer; analysene bruker 0000. Sett kommunenummer i ikrapport.toml.
note-other-sheet = Arket «{ $sheet }» har også riktige overskrifter, men ble ikke lest (bare det første arket som passer, leses). Nevn arket under [sources] i ikrapport.toml for å lese det i stedet.

## Grunner i datakvalitetstabellen

reason-required_blank = påkrevd verdi mangler
reason-not_a_date = ikke en dato (bruk f.eks. 14.02.2024 eller 2024-02-14)
reason-no_such_date = datoen finnes ikke i kalenderen
reason-implausible_date = usannsynlig dato (før 1950 eller etter 2100)
reason-not_a_number = ikke et tall
reason-not_an_integer = ikke et heltall
reason-out_of_scale = utenfor skalaen { $min }–{ $max }
reason-negative = kan ikke være negativt
reason-not_a_bool = ikke ja/nei
reason-guessed_value = ukjent verdi, tolket som «{ $guessed }»
reason-unknown_value = ukjent verdi; gyldige verdier er: { $allowed }
reason-score_mismatch = oppgitt risikoverdi { $given } stemmer ikke med sannsynlighet × konsekvens = { $computed }; { $computed } er brukt
reason-bad_kommunenummer = kommunenummer skal ha fire siffer
reason-short_row = raden har { $found } felt, overskriften { $expected }; manglende felt er lest som tomme
reason-long_row = raden har { $found } felt, overskriften bare { $expected } (skilletegn i en verdi uten anførselstegn?)
reason-unknown_answer = ukjent svaralternativ på «{ $question }»; svaret er utelatt
reason-closed_before_reported = lukket dato er før meldt dato
reason-deadline_before_date = fristen er før tilsynsdatoen

## Spørringer

query-failed = Spørringen { $label } feilet: { $why }
query-panicked = Spørringen { $label } kunne ikke kjøres (polars: { $why })
query-command-line = kommandolinje
query-both = Oppgi enten en spørring eller --file, ikke begge.
query-none = Oppgi en SQL-spørring, f.eks. ikrapport query sample-data "SELECT * FROM deviation_counts", eller --file.
query-more-rows = … { $n ->
    [one] { $n } rad til
   *[other] { $n } rader til
    } (bruk --limit, --format csv eller --format json)
query-file-name = Spørrefila { $path } har et navn som ikke kan brukes som tabellnavn: bruk små bokstaver, tall og _ (f.eks. min_tabell.sql).
query-file-unreadable = Kunne ikke lese spørrefila { $path }: { $why }
queries-dir-unreadable = Kunne ikke lese mappa med spørringer { $path }: { $why }
query-builtin-name = Spørrefila { $path } har samme navn som en innebygd tabell ({ $name }). Gi den et annet navn.
query-unclosed-placeholder = Spørringen { $label } har en {"{{"} uten {"}}"}.
query-unknown-placeholder = Spørringen { $label } bruker den ukjente parameteren { $key }. Kjente parametere: { $known }.
query-not-sql = Spørringen { $label } kan ikke leses som SQL: { $why }
query-cycle = Spørringene refererer til hverandre i ring: { $ring }. Bryt ringen ved å la én av dem lese fra de kanoniske tabellene.
query-unknown-table = Spørringen { $label } leser tabellen «{ $table }», som ikke finnes. Kjente tabeller: { $known }.
query-meta-invalid = Kolonnebeskrivelsen (linjene som starter med --!) i { $path } kan ikke leses (linje { $line }): { $why }
query-meta-kind = kolonnen «{ $column }» har typen «{ $kind }»; bruk en av { $kinds }
query-meta-unknown-column = { $path } beskriver kolonnen «{ $column }» (i linjene som starter med --!), men spørringen lager den ikke. Kolonnene er: { $columns }.
query-missing-column = Tabellen «{ $table }» fra { $query } mangler kolonnen «{ $column }», som analysen { $reader } leser. Legg kolonnen til i spørringen, eller fjern fila så den innebygde spørringen brukes.
query-builtin-failed-on-user-table = { $error } Den leser tabeller fra dine egne spørringer ({ $inputs }); sjekk at de har de samme kolonnene som de innebygde.
year-no-dates = Fant ingen datoer å velge rapportår fra. Oppgi året med --year.
year-out-of-range = --year { $year } er utenfor 1950–2100

## Interne feil

internal-error-report = Dette er en intern feil; meld den gjerne med kommandoen du kjørte.
internal-panic = intern feil ({ $why }). Dette er en feil i ikrapport; meld den gjerne med kommandoen du kjørte.
internal-panic-at = Stedet i koden: { $place }.
internal-panic-verbose = Kjør med -v for å se hvor i koden feilen oppstod.
internal-missing-column = finnes ikke
io-read = kunne ikke lese { $path }
io-write = kunne ikke skrive { $path }
io-mkdir = kunne ikke lage mappa { $path }

## Kommandolinjen

cli-unknown-language = Ukjent språk «{ $lang }»: bruk nb, nn eller en.
cli-as-of = --as-of «{ $value }» er ikke en dato: skriv f.eks. 2025-12-31 eller 31.12.2025
init-wrote = Skrev { $path }
init-skipped = Hoppet over { $path } (finnes fra før)
init-next = Neste steg: legg inn egne eksporter i mappa og kjør ikrapport validate { $folder }
generate-years = --years { $years } er utenfor 1–30
generate-reference-columns = { $path } må ha kolonnene kommunenummer, kommune, fylke og innbyggere
bundle-not-ours = Utmappa { $path } finnes og er ikke en rapportmappe laget av ikrapport, så den blir ikke overskrevet. Velg en annen --out, eller slett mappa selv.
bundle-marker = Laget av ikrapport. Mappa leses ikke som inndata.

## validate

validate-file = Fil: { $file }
validate-source = Kilde: { $source } – { $how }
validate-detected-config = oppgitt i ikrapport.toml
validate-detected-name = kjent igjen på navnet
validate-detected-headers = kjent igjen på overskriftene
validate-unusable = KAN IKKE BRUKES: { $why }
validate-format = Format: { $format }
validate-delimiter = skilletegn «{ $d }»
validate-sheet = Ark: { $sheet }
validate-header-row = Overskriftsrad: { $row }
validate-codebook = Kodebok: { $codebook }
validate-columns = Kolonner:
validate-role-extra = ukjent kolonne, beholdt som ekstra
validate-role-duplicate = samme som en tidligere kolonne, beholdt som ekstra
validate-role-question = spørsmål
validate-note = Merk: { $note }
validate-absent = Ikke i fila (valgfrie): { $columns }
validate-rows = Rader: { $read } lest, { $kept } beholdt, { $rejected } avvist, { $warnings } { $warnings ->
    [one] advarsel
   *[other] advarsler
    }
validate-dq-heading = Datakvalitet ({ $n ->
    [one] { $n } rad
   *[other] { $n } rader
    }):
validate-dq-none = Ingen avviste eller tvilsomme verdier.
validate-row = rad { $row }
validate-row-line = rad { $row } (linje { $line })
validate-dq-more = … { $n } til (se alle med --json)
validate-summary = Sammendrag: { $files ->
    [one] { $files } fil
   *[other] { $files } filer
    }, { $read } { $read ->
    [one] rad
   *[other] rader
    } lest, { $kept } beholdt, { $rejected } avvist.

## Merknader i resultattabeller

note-spc-too-few-points = for få punkter for kontrollgrenser (under 12 måneder)
note-spc-no-events = ingen avvik i perioden
note-trend-too-few-years = for få år til å teste trend (under 4); stigningstallet er likevel oppgitt

## Kolonner (overskrifter i tabeller og regneark)

col-kommunenummer = Kommunenr.
col-sector = Sektor
col-reported = Meldt
col-closed = Lukket
col-closed_share = Andel lukket
col-median_days_to_close = Median dager til lukking
col-p90_days_to_close = 90-persentil dager
col-closed_within_90d_share = Lukket innen 90 dager
col-open_at_as_of = Åpne
col-open_0_30 = Åpne 0–30 dager
col-open_31_90 = Åpne 31–90 dager
col-open_91_180 = Åpne 91–180 dager
col-open_over_180 = Åpne over 180 dager
col-year = År
col-type = Type
col-count = Antall
col-per_100_employees = Per 100 årsverk
col-share_of_year = Andel av året
col-root_cause = Årsak
col-share = Andel
col-cumulative_share = Kumulativ andel
col-source = Kilde
col-category = Kategori
col-count_year = Antall i år
col-count_prev_year = Antall i fjor
col-change = Endring
col-change_pct = Endring i prosent
col-authority = Tilsynsmyndighet
col-inspections = Tilsyn
col-findings = Lovbrudd/avvik
col-remarks = Merknader
col-open = Åpne
col-overdue = Forfalt
col-dimension = Dimensjon
col-n = Antall svar
col-current_mean = Nå (snitt)
col-current_min = Nå (lavest)
col-current_max = Nå (høyest)
col-current_sd = Nå (standardavvik)
col-ambition_mean = Ambisjon (snitt)
col-gap = Gap
col-mean_score = Gjennomsnittlig risiko
col-max_score = Høyeste risiko
col-risks = Risikoer
col-analyses = Analyser
col-units_with_risks = Enheter med risikoer
col-red = Røde
col-yellow = Gule
col-green = Grønne
col-needs_measure = Krever tiltak
col-needs_measure_without_measure = Krever tiltak, uten tiltak
col-residual_assessed_share = Restrisiko vurdert
col-review_overdue = Revisjon forfalt
col-stale = Ikke vurdert siste 12 mnd.
col-kind = Risiko
col-probability = Sannsynlighet
col-consequence = Konsekvens
col-zone = Sone
col-rank = Nr.
col-id = ID
col-unit = Enhet
col-analysis = Analyse
col-hazard = Uønsket hendelse
col-score = Risiko (S × K)
col-residual_score = Restrisiko
col-analysis_type = Analysetype
col-units = Enheter
col-units_with_ros = Enheter med ROS
col-units_with_current_ros = Enheter med oppdatert ROS
col-coverage = Dekning
col-current_coverage = Oppdatert dekning
col-respondents = Respondenter
col-share_band_0 = Ingen ROS
col-share_band_1_5 = 1–5 ROS
col-share_band_6_20 = 6–20 ROS
col-share_band_21_50 = 21–50 ROS
col-share_band_over_50 = Over 50 ROS
col-count_band_21_50 = Antall 21–50
col-count_band_over_50 = Antall over 50
col-share_any_ros = Har deltatt i ROS
col-share_tjenestespesifikk = Tjenestespesifikk ROS
col-count_tjenestespesifikk = Antall tjenestespesifikk
col-share_not_relevant = ROS ikke relevant
col-share_informs_nobody = Informerer ingen
col-share_main_tool = Bruker kvalitetssystemet
col-count_main_tool = Antall kvalitetssystem
col-answered_ros_count = Svar: antall ROS
col-answered_ros_types = Svar: typer ROS
col-answered_ros_relevant = Svar: relevans
col-answered_ros_informed = Svar: hvem informeres
col-answered_ros_tool = Svar: verktøy
col-item = Påstand
col-mean = Snitt (1–5)
col-share_agree = Enig
col-share_disagree = Uenig
col-level_1 = Helt uenig
col-level_2 = Uenig
col-level_3 = Nøytral
col-level_4 = Enig
col-level_5 = Helt enig
col-answered = Svar
col-month = Måned
col-rolling_12m = Siste 12 måneder
col-exposure = Årsverk
col-rate = Rate per årsverk
col-rate-count = Rate (antall, årsverk ukjent)
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
col-first_year = Fra år
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
col-reviews_on_time = Revisjoner i tide
col-red_risks_with_measures = Røde risikoer med tiltak
col-deviations_closed_90d = Avvik lukket innen 90 dager
col-reporting_rate = Meldinger per 100 årsverk
col-improvement_share = Andel forbedringsforslag
col-survey_competence = Opplevd ROS-kompetanse
col-inspection_findings_closed = Tilsynsfunn lukket
col-maturity_index = Modenhetsindeks
col-maturity_level = Modenhetsnivå
col-indicators_used = Indikatorer brukt
col-missing_indicators = Manglende indikatorer
col-n_deviations = Meldinger i året
col-n_respondents = Respondenter (kompetanse)
col-kommune = Kommune
col-innbyggere = Innbyggere
col-kostra_group = KOSTRA-gruppe
col-focus = Fokuskommune
col-deviations_per_1000_innbyggere = Avvik per 1 000 innbyggere
col-deviations_per_100_employees = Avvik per 100 årsverk
col-derived-pct-rank = Persentil: { $of }
col-derived-pct-rank-kostra = Persentil i KOSTRA-gruppen: { $of }
col-derived-status = Status: { $of }

## Tabeller

table-deviation_counts = Avvik per år, sektor og type
table-deviation_monthly = Avvik per måned
table-deviation_yoy = Avvik i år og i fjor per kategori
table-deviation_closure = Lukking av avvik
table-deviation_sources = Hvem som melder
table-deviation_root_causes = Årsaker (Pareto)
table-deviation_spc = Styringsdiagram for avviksraten
table-deviation_trend = Trend i avvik (Mann-Kendall)
table-risk_matrix = Risikomatrise
table-risk_by_sector = Risikoer per sektor
table-risk_by_category = Risikoer per kategori
table-risk_measures = Tiltak per status
table-risk_top = De høyeste risikoene
table-ros_coverage_register = ROS-dekning i registeret
table-ros_survey_by_sector = ROS-praksis per sektor (undersøkelse)
table-ros_survey_types = Typer ROS-analyser (undersøkelse)
table-ros_survey_likert = Holdninger til ROS (undersøkelse)
table-maturity_self_assessment = Egenvurdering av modenhet
table-maturity_indicators = Indikatorer for internkontroll
table-inspections_summary = Tilsyn og revisjoner
table-benchmark = Sammenligning av kommuner
table-data_quality = Datakvalitet

## Hjelpetekster (--help)

help-main = ikrapport: årsrapport for internkontroll (kommuneloven § 25-1 og § 25-2) fra avvik, ROS-register, spørreundersøkelser, modenhetsvurderinger og tilsyn.
help-heading-commands = Kommandoer
help-heading-arguments = Argumenter
help-heading-options = Valg
help-heading-usage = Bruk:
help-default = [standard: { $value }]
help-flag-help = Vis hjelp
help-flag-version = Vis versjon
help-global-lang = Språk for meldinger og rapport: nb (bokmål), nn (nynorsk) eller en.
help-global-quiet = Ingen utskrift utenom feil.
help-global-verbose = Skriv tidsbruk per fil og per tabell til stderr.
help-run = Les inn, analyser og skriv rapporten for en prosjektmappe.
help-validate = Les inn filene og vis hva som ble funnet i hver, og hvilke rader som ble avvist.
help-query = Kjør SQL mot de kanoniske tabellene og resultattabellene.
help-generate = Lag syntetiske data for alle seks kilder (samme --seed gir samme filer).
help-init = Lag en ny prosjektmappe med oppsett, kodebok og eksempelfiler.
help-run-folder = Prosjektmappa.
help-run-strict = Avslutt med feilkode når en rad er avvist.
help-run-year = Rapportår (standard: siste hele år i dataene).
help-run-as_of = Datoen «åpen» og «forfalt» vurderes mot (standard 31.12. i rapportåret).
help-run-focus = Kommunenummeret som skal framheves i sammenligninger.
help-run-survey = Navnet på undersøkelsen som skal brukes (standard: siste runde).
help-run-queries = Flere mapper med *.sql.
help-run-out = Utmappe (standard out/arsrapport-<år>).
help-validate-folder = Prosjektmappa.
help-validate-json = Skriv resultatet som ett JSON-dokument.
help-validate-strict = Avslutt med feilkode når en rad er avvist.
help-validate-limit = Hvor mange datakvalitetsrader som vises (JSON har alle).
help-query-args = Prosjektmappa (standard sample-data) og/eller SQL-spørringen. Er det bare ett argument, er det spørringen.
help-query-file = Les spørringen fra en fil (f.eks. queries/deviation_counts.sql).
help-query-format = Utformat: table, csv eller json.
help-query-year = Rapportår (standard: siste hele år i dataene).
help-query-as_of = Datoen «åpen» og «forfalt» vurderes mot (standard 31.12. i rapportåret).
help-query-queries = Flere mapper med *.sql.
help-query-limit = Maks antall rader i tabellvisning.
help-generate-out = Mappa dataene skrives til.
help-generate-profile = kommune (én kommune, ~100 000 innbyggere), national (mange kommuner) eller national-x10 (de samme kommunene ti ganger, for belastningstest).
help-generate-seed = Frø for tilfeldige tall: samme frø gir samme filer, byte for byte.
help-generate-municipalities = Antall kommuner (national).
help-generate-years = Antall år med avvik og tilsyn.
help-generate-last_year = Siste år i dataene.
help-generate-population = Folketall (kommune; standard 100 000), eller største folketall blant de oppdiktede kommunene (national; standard 120 000).
help-generate-reference = CSV med kommunenummer, kommune, fylke og innbyggere å hente navn og folketall fra (national), f.eks. ../shared/reference/municipalities-2025.csv.
help-init-folder = Mappa som skal lages (finnes den, skrives bare filer som mangler).

## Rapporten

report-title = Internkontroll og statlige tilsyn
report-subtitle = { $kommune } – årsrapport for { $year }, tall per { $as_of }
report-subtitle-unnamed = Årsrapport for { $year }, tall per { $as_of }
report-kommune-number = kommune { $knr }
report-unreadable = Kunne ikke lese rapportdefinisjonen { $path }: { $why }
report-invalid = Rapportdefinisjonen { $path } kan ikke leses (linje { $line }): { $why }
report-name-error = Rapportdefinisjonen { $path }, linje { $line }: { $what }
report-unknown-table = tabellen «{ $table }» finnes ikke.{ $hint }
report-unknown-column = tabellen «{ $table }» har ingen kolonne «{ $column }».{ $hint }
report-unknown-chart = figurtypen «{ $kind }» finnes ikke.{ $hint } Typene er: { $known }.
report-did-you-mean = {" "}Mente du «{ $name }»?
report-template-error = Teksten i avsnittet «{ $section }» i { $path } kan ikke lages: { $why }
report-contents = Innhold
report-sectors = Sektorene
report-sector-page = Sektorside: { $sector }
report-back = Tilbake til rapporten
report-made-by = Laget av ikrapport { $version }. Tabellene finnes også som CSV, Excel og Parquet i rapportmappa.
report-data-table = Tallene bak figuren
figure-data-title = Tall til figuren: { $title }
note-suppressed = Tall for grupper med færre enn { $n } respondenter eller meldinger er skjult av personvernhensyn (vist som <{ $n } eller –).
suppressed-short = skjult (for få)
section-omitted = Avsnittet er utelatt: det finnes ingen data i «{ $table }».
section-omitted-few = Avsnittet er utelatt: «{ $table }» har færre enn { $min } rader.
section-deviations = Avvik og uønskede hendelser
section-risks = Risiko og ROS-analyser
section-survey = ROS-praksis i virksomhetene
section-maturity = Modenhet i internkontrollen
section-inspections = Tilsyn og revisjoner
section-benchmark = Sammenligning med andre kommuner
section-data-quality = Datagrunnlag og datakvalitet
text-dev-level = Det ble meldt { $n } avvik og andre meldinger i { $year }.
text-dev-change = Det er { $change } { $up ->
        [1] flere
       *[0] færre
    } enn i { $prev_year }.
text-dev-culture = Flere meldinger kan bety flere hendelser, men også en bedre meldekultur; se tallene sammen med hvem som melder og hva meldingene gjelder.
text-dev-closure = Av meldingene fra { $year } var { $share } lukket per { $as_of }, med median { $median } dager fra melding til lukking.
text-dev-open = { $open } meldinger var åpne, { $old } av dem eldre enn 180 dager.
text-dev-trend-up = Over de siste { $years } årene er økningen statistisk tydelig (Mann-Kendall, 5 % nivå).
text-dev-trend-down = Over de siste { $years } årene er nedgangen statistisk tydelig (Mann-Kendall, 5 % nivå).
text-risk-level = ROS-registeret har { $risks } risikoer fra { $analyses } analyser; { $red } av dem er i rød sone.
text-risk-measures = { $without } av de { $needs } risikoene som krever tiltak, har ikke fått noe tiltak.
text-risk-overdue = { $overdue } har passert datoen for ny vurdering, og { $stale } er ikke vurdert de siste tolv månedene.
text-risk-coverage = { $share } av de { $units } enhetene har en ROS-analyse som er vurdert det siste året.
text-survey-level = { $n } svarte på undersøkelsen om ROS-praksis. { $any } hadde deltatt i minst én ROS-analyse det siste året, og { $service } i en tjenestespesifikk ROS.
text-survey-nobody = { $share } informerer ingen om resultatene.
text-survey-competence = { $share } mener kompetansen på ROS er god.
text-survey-training = { $share } ønsker mer opplæring.
text-maturity-index = Modenhetsindeksen for hele kommunen er { $index } av 100 (nivå { $level } av 5), beregnet fra { $used } indikatorer.
text-maturity-gap = Størst avstand mellom nå-situasjon og ambisjon er det i «{ $dimension }» ({ $gap } nivå).
text-inspections-level = I { $year } hadde kommunen { $n } tilsyn og revisjoner med { $findings } lovbrudd eller avvik.
text-inspections-none = Det er ikke registrert tilsyn eller revisjoner i { $year }.
text-inspections-open = { $open } funn var ikke lukket per { $as_of }, { $overdue } av dem etter fristen.
text-benchmark-level = { $kommune } er sammenlignet med { $n } kommuner i datagrunnlaget.
text-benchmark-index = Modenhetsindeksen er { $index }, høyere enn { $rank } av kommunene.
text-benchmark-reports = Kommunen har { $rate } avviksmeldinger per 1 000 innbyggere, flere enn { $rank } av kommunene.
text-benchmark-nofocus = Datagrunnlaget har { $n } kommuner. Velg kommunen rapporten gjelder med --focus.
text-dq-level = Rapporten bygger på { $read } rader fra eksportene. { $rejected } rader ble holdt utenfor fordi en verdi ikke kunne brukes, og { $warnings } verdier ble tolket med en advarsel; hver av dem står i data-quality.csv med fil, rad og grunn.
text-sector-dev = { $sector } meldte { $n } avvik og andre meldinger i { $year }.
text-sector-closed = { $share } av dem var lukket per { $as_of }.
text-sector-dev-hidden = { $sector } har færre enn { $threshold } meldinger; tallene er skjult av personvernhensyn.
text-sector-spc = Styringsdiagrammet viser { $n ->
    [one] { $n } måned
   *[other] { $n } måneder
} med signal de siste tre årene (utenfor grensene eller en lang serie på én side av senterlinjen).
text-sector-no-risks = Sektoren har ingen risikoer i ROS-registeret.
chart-title-monthly = Avvik per måned per sektor, siste tre år
chart-title-sector-types = Avvik per sektor og type, i år og i fjor
chart-title-spc = Avviksrate per måned med kontrollgrenser, hele kommunen
chart-title-spc-sector = Avviksrate per måned med kontrollgrenser
# Without a units table the control chart plots counts, not a rate.
chart-title-spc-count = Avvik per måned med kontrollgrenser, hele kommunen
chart-title-spc-sector-count = Avvik per måned med kontrollgrenser
chart-title-closure = Åpne avvik etter alder og median tid til lukking
chart-title-pareto = Årsaker til avvik (Pareto)
chart-title-risk-matrix = Risikomatrise før og etter tiltak
chart-title-risk-sectors = Risikoer per sektor etter sone
chart-title-coverage = ROS-dekning per sektor
chart-title-bands = Antall ROS-analyser respondentene har deltatt i siste år
chart-title-likert = Holdninger til ROS-arbeidet
chart-title-maturity = Modenhet nå og ambisjon per dimensjon
chart-title-inspections = Funn i tilsyn og revisjoner per myndighet og år
chart-title-benchmark = Indikatorer sammenlignet med andre kommuner
axis-deviations = Antall avvik
axis-month = Måned
axis-rate = Avvik per 100 årsverk
axis-open = Antall åpne avvik
axis-root-cause = Årsak
axis-risks = Antall risikoer
axis-share = Andel (%)
axis-share-respondents = Andel av respondentene (%)
axis-findings = Antall funn
chart-no-data = Ingen data å vise.
chart-other-sectors = Andre sektorer
chart-other-causes = Andre årsaker
chart-some-hidden = noe skjult
chart-source = Kilde: { $source }, n = { $n }
chart-source-deviation_monthly = avviksregisteret
chart-source-deviation_spc = avviksregisteret og enhetsoversikten
chart-source-deviation_counts = avviksregisteret
chart-source-deviation_closure = avviksregisteret
chart-source-deviation_root_causes = avviksregisteret
chart-source-risk_matrix = ROS-registeret
chart-source-risk_by_sector = ROS-registeret
chart-source-ros_coverage_register = ROS-registeret, enhetsoversikten og spørreundersøkelsen
chart-source-ros_survey_by_sector = spørreundersøkelsen om ROS-praksis
chart-source-ros_survey_likert = spørreundersøkelsen om ROS-praksis
chart-source-maturity_self_assessment = egenvurdering av modenhet
chart-source-inspections_summary = tilsyns- og revisjonsoversikten
chart-source-benchmark = kommunenes egne data
chart-spc-rate = Rate
chart-spc-count = Antall
chart-spc-center = Senterlinje
chart-spc-limits = Kontrollgrenser (Laney u′)
chart-spc-signal = Signal
chart-closure-row = { $sector } (median { $days } d)
chart-risk-row = { $overdue } forfalt, { $without } uten tiltak
chart-matrix-inherent = Før tiltak
chart-matrix-residual = Etter tiltak
chart-coverage-register = Enheter med oppdatert ROS (registeret)
chart-coverage-survey = Har gjort tjenestespesifikk ROS (undersøkelsen)
chart-bands-none = ingen: { $share }
chart-likert-agree = enig: { $share }
chart-maturity-now = Nå (snitt)
chart-maturity-ambition = Ambisjon (snitt)
chart-maturity-spread = Spredning i vurderingene (lavest–høyest)
chart-maturity-axis = Modenhetsnivå (1–5)
chart-inspections-bar = { $year }: { $findings } funn, { $open } åpne
chart-inspections-closed = Lukkede funn
chart-inspections-open = Åpne funn
chart-benchmark-others = Andre kommuner
chart-benchmark-focus = Kommunen
chart-benchmark-median = Median for alle
chart-benchmark-median-group = Median i KOSTRA-gruppen
chart-benchmark-axis = Andel / indeks (%)
alt-monthly = Linjediagram: { $title }. { $months } måneder for { $sectors } sektorer; flest meldinger har { $top } med { $top_n } i perioden.
alt-spc = Styringsdiagram (Laney u′): { $title }. { $months } måneder; { $n ->
        [one] én måned har
       *[other] { $n } måneder har
    } signal: { $which }.
alt-spc-none = Styringsdiagram (Laney u′): { $title }. { $months } måneder, ingen signaler: variasjonen er innenfor det som er vanlig.
alt-sector-types = Stolpediagram: { $title }. { $total } meldinger i { $year } mot { $prev } året før; flest i { $top } ({ $top_n }).
alt-closure = Stolpediagram: { $title }. { $open } åpne avvik i hele kommunen, median { $median } dager til lukking; flest eldre enn 180 dager har { $oldest } ({ $oldest_n }).
alt-pareto = Paretodiagram: { $title }. Største årsak er { $top } ({ $top_share }); { $vital } årsaker står for 80 % av meldingene.
alt-risk-matrix = Risikomatrise: { $title }. { $red } risikoer i rød sone før tiltak og { $red_after } etter tiltak.
alt-risk-sectors = Stolpediagram: { $title }. { $risks } risikoer i alt, { $red } røde; { $overdue } med forfalt vurdering og { $without } uten tiltak.
alt-coverage = Søylediagram: { $title }. Høyest { $best } { $best_v }, lavest { $worst } { $worst_v }.
alt-bands = Stolpediagram: { $title }. I hele kommunen hadde { $none } ikke deltatt i noen ROS-analyse, { $few } i 1–5.
alt-likert = Stolpediagram: { $title }. Mest enige er respondentene i «{ $item }» ({ $share }).
alt-maturity = Prikkdiagram: { $title }. { $dims } dimensjoner; størst avstand til ambisjonen i «{ $widest }» ({ $gap } nivå).
alt-inspections = Stolpediagram: { $title }. { $findings } funn i { $year }, { $open } av dem åpne.
alt-benchmark = Prikkdiagram: { $title }. { $n } kommuner; { $focus } ligger over medianen på { $above } av { $of } indikatorer.
zone-gronn = Grønn
zone-gul = Gul
zone-rod = Rød
value-zone-gronn = Grønn
value-zone-gul = Gul
value-zone-rod = Rød
value-status-gronn = ● Grønn
value-status-gul = ▲ Gul
value-status-rod = ■ Rød
value-kind-inherent = Før tiltak
value-kind-residual = Etter tiltak
value-direction-okende = økende
value-direction-synkende = synkende
value-direction-ingen-tydelig-trend = ingen tydelig trend
value-analysis_type-alle = alle typer
month-short = jan.,feb.,mar.,apr.,mai,jun.,jul.,aug.,sep.,okt.,nov.,des.
month-long = januar,februar,mars,april,mai,juni,juli,august,september,oktober,november,desember
likert-ros_useful = ROS er et godt støtteverktøy
likert-measures_followed = Vi gjennomfører tiltakene etterpå
likert-residual_assessed = Vi vurderer risiko etter tiltak
likert-competence_ok = Kompetansen på ROS er god
likert-want_training = Jeg ønsker mer opplæring
col-rows_read = Rader lest
col-rows_kept = Rader beholdt
col-rows_rejected = Rader avvist
col-warnings = Advarsler
col-format = Format
table-input_files = Inndatafiler
help-run-report = Rapportdefinisjon (standard reports/arsrapport.toml, ellers den innebygde).
help-run-format = Hvilke utdata: all, html, md, docx, csv, xlsx, parquet, charts (kommaseparert).
report-skip = Hopp til innholdet
progress-ingest = Leser inn filene
progress-analytics = Regner ut tabellene
progress-report = Lager rapporten
progress-charts = Tegner figurene
progress-html = Skriver HTML
progress-md = Skriver Markdown
progress-docx = Skriver Word
progress-tables = Skriver CSV og Excel
progress-data = Skriver Parquet
progress-manifest = Skriver manifest
run-done = Rapporten for { $year } er klar: { $path } ({ $files } filer). Datakvalitet: { $rejected } { $rejected ->
        [one] rad
       *[other] rader
    } avvist og { $warnings } { $warnings ->
        [one] advarsel
       *[other] advarsler
    } (se data-quality.csv).
bundle-unknown-format = Ukjent utformat «{ $format }»: bruk all, html, md, docx, csv, xlsx, parquet eller charts.
figure-omitted = Figuren «{ $title }» er utelatt: det er ingen tall å vise.
value-type-avvik = Avvik
value-type-forbedringsforslag = Forbedringsforslag
value-type-positiv = Positiv tilbakemelding
value-type-tilsynsfunn = Tilsynsfunn
value-type-revisjonsfunn = Revisjonsfunn
value-type-personvernbrudd = Personvernbrudd
help-run-export_parquet = Skriv også alle tabellene som Parquet partisjonert etter --partition i denne mappa (for Spark, Trino eller DuckDB), uten personvernskjuling.
help-run-partition = Kolonnene det partisjoneres etter, kommaseparert.
progress-export = Skriver partisjonert Parquet

# Fixed data values shown in the report's language (i18n::value_text).
value-whole-municipality = Hele kommunen
value-not-stated = ikke angitt
