//! Rows of each synthetic source, as the exports of real systems write them: Norwegian
//! headers, `dd.mm.yyyy` dates, words where systems write words ("Høy", "Pårørende"),
//! plus a handful of planted bad rows that ingestion must catch.

use super::rng::Rand;
use super::world::{Municipality, RISING_SECTOR, SECTORS, SPIKE_MONTH, SPIKE_SECTOR, season};
use chrono::{Datelike, Duration, NaiveDate};

/// A table to write: headers and rows of text cells.
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn nd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid generated date")
}

pub fn fmt_date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let next = if m == 12 {
        nd(y + 1, 1, 1)
    } else {
        nd(y, m + 1, 1)
    };
    (next - nd(y, m, 1)).num_days() as u32
}

/// Deviations of one municipality over `first..=last` years. `knr` adds a kommunenummer
/// column (national profile); `descriptions` adds the free-text column.
pub fn deviations(
    m: &Municipality,
    rng: &mut Rand,
    first: i32,
    last: i32,
    with_knr: bool,
    descriptions: bool,
) -> Sheet {
    let mut headers: Vec<String> = Vec::new();
    if with_knr {
        headers.push("Kommunenummer".into());
    }
    headers.extend(
        [
            "Saksnummer",
            "Sektor",
            "Enhet",
            "Meldt dato",
            "Hendelsesdato",
            "Lukket dato",
            "Meldingstype",
            "Kategori",
            "Meldt av",
            "Alvorlighetsgrad",
            "Status",
            "Årsak",
        ]
        .map(String::from),
    );
    if descriptions {
        headers.push("Kort beskrivelse".into());
    }
    // Data were exported on 15 January after the last year: later closures are unknown.
    let export = nd(last + 1, 1, 15);
    let base = 0.05 * m.culture;
    let mut events: Vec<(NaiveDate, usize, usize)> = Vec::new(); // (date, unit, sector)
    for y in first..=last {
        for mo in 1..=12u32 {
            for (ui, u) in m.units.iter().enumerate() {
                let s = &SECTORS[u.sector];
                let mut lambda = base * u.employees * s.deviation_rate * season(mo);
                if u.sector == RISING_SECTOR {
                    lambda *= 1.0 + 0.15 * (y - first) as f64;
                }
                if u.sector == SPIKE_SECTOR && y == last - 1 && mo == SPIKE_MONTH {
                    lambda *= 3.0;
                }
                for _ in 0..rng.poisson(lambda) {
                    let day = rng.range(1, days_in_month(y, mo) as i64) as u32;
                    events.push((nd(y, mo, day), ui, u.sector));
                }
            }
        }
    }
    events.sort_by_key(|e| e.0);
    let types = [
        "Avvik",
        "Uønsket hendelse",
        "Nesten-uhell",
        "Forbedringsforslag",
        "Positiv tilbakemelding",
        "Brudd på personopplysningssikkerheten",
        "Tilsynsfunn",
    ];
    let type_w = [0.55, 0.12, 0.08, 0.14, 0.05, 0.04, 0.02];
    let sources = [
        "Ansatt",
        "Bruker",
        "Pårørende",
        "Statsforvalteren",
        "Intern revisjon",
        "Leverandør",
        "Annet",
    ];
    let source_w = [0.8, 0.07, 0.06, 0.02, 0.02, 0.02, 0.01];
    let severities = ["Lav", "Middels", "Høy", "Kritisk"];
    let causes = [
        "Rutine ikke fulgt",
        "Manglende opplæring",
        "Bemanning",
        "Kommunikasjon",
        "Teknisk svikt",
        "Manglende rutine",
        "Ukjent",
    ];
    let cause_w = [0.28, 0.16, 0.18, 0.14, 0.1, 0.09, 0.05];
    let texts = [
        "Se vedlagt hendelsesforløp.",
        "Meldt muntlig til leder, fulgt opp samme dag.",
        "Rutinen ble gjennomgått på personalmøte.",
        "Gjentatt hendelse; må ses i sammenheng med tidligere meldinger.",
        "Tiltak iverksatt straks.",
    ];
    let mut rows = Vec::with_capacity(events.len());
    let mut per_year = std::collections::BTreeMap::new();
    for (date, ui, si) in events {
        let u = &m.units[ui];
        let s = &SECTORS[si];
        let n = per_year.entry(date.year()).or_insert(0u32);
        *n += 1;
        let mut r: Vec<String> = Vec::with_capacity(headers.len());
        if with_knr {
            r.push(m.knr.clone());
        }
        r.push(format!("AV-{}-{:05}", date.year(), n));
        r.push(s.name.into());
        r.push(u.name.clone());
        r.push(fmt_date(date));
        r.push(if rng.chance(0.6) {
            fmt_date(date - Duration::days(rng.range(0, 3)))
        } else {
            String::new()
        });
        let stuck = rng.chance(0.03);
        let close_days = rng.exponential(s.days_to_close).round() as i64;
        let closed = date + Duration::days(close_days);
        let is_closed = !stuck && closed <= export;
        r.push(if is_closed {
            fmt_date(closed)
        } else {
            String::new()
        });
        r.push(types[rng.weighted(&type_w)].into());
        r.push(rng.pick(s.categories).to_string());
        r.push(sources[rng.weighted(&source_w)].into());
        let sev = rng.weighted(&[0.45, 0.35, 0.16, 0.04]);
        r.push(if rng.chance(0.5) {
            severities[sev].into()
        } else {
            (sev + 1).to_string()
        });
        r.push(if is_closed {
            "Lukket".into()
        } else if rng.chance(0.5) {
            "Under behandling".into()
        } else {
            "Åpen".into()
        });
        r.push(if rng.chance(0.2) {
            String::new()
        } else {
            causes[rng.weighted(&cause_w)].into()
        });
        if descriptions {
            // Most exports leave the free text out or blank; a third have it.
            r.push(if rng.chance(0.3) {
                rng.pick(&texts).to_string()
            } else {
                String::new()
            });
        }
        rows.push(r);
    }
    Sheet { headers, rows }
}

/// Replace cells of some rows to plant bad input. Each entry: (row index, header, value).
pub fn plant(sheet: &mut Sheet, edits: &[(usize, &str, &str)]) {
    for (i, h, v) in edits {
        if let (Some(row), Some(c)) = (
            sheet.rows.get_mut(*i),
            sheet.headers.iter().position(|x| x == h),
        ) {
            row[c] = v.to_string();
        }
    }
}

/// One risk of the register.
pub struct Risk {
    pub sector: String,
    pub unit: String,
    pub analysis: String,
    pub analysis_type: String,
    pub risk_group: String,
    pub category: String,
    pub hazard: String,
    pub p: i64,
    pub k: i64,
    pub law_breach: bool,
    pub treatment: String,
    pub measure: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub measure_status: String,
    pub rp: Option<i64>,
    pub rk: Option<i64>,
    pub assessed: NaiveDate,
    pub next_review: NaiveDate,
}

const HAZARDS: &[(&str, &[&str])] = &[
    (
        "Tjenestespesifikk",
        &[
            "Feil legemiddel gis til bruker",
            "Bruker faller og skader seg",
            "Manglende bemanning i helger",
            "Barn forsvinner fra tilsyn",
            "Forsinket saksbehandling",
            "Feil i vedtak",
            "Tap av nøkler til boliger",
        ],
    ),
    (
        "Informasjonssikkerhet",
        &[
            "Uautorisert tilgang til fagsystem",
            "Løsepengevirus rammer IKT-systemer",
            "E-post med personopplysninger sendes feil mottaker",
            "Svikt i nettverk",
        ],
    ),
    (
        "HMS",
        &[
            "Vold og trusler mot ansatte",
            "Smitteutbrudd",
            "Belastningsskader",
            "Høyt sykefravær",
        ],
    ),
    (
        "Beredskap og kontinuitet",
        &[
            "Langvarig strømbrudd",
            "Brann i bygg",
            "Ekstremvær stenger veier",
            "Bortfall av vannforsyning",
        ],
    ),
    (
        "DPIA",
        &[
            "Behandling av helseopplysninger i ny app",
            "Kameraovervåking uten hjemmel",
        ],
    ),
];

/// The ROS register of one municipality as of 31 December of `last`.
pub fn risks(m: &Municipality, rng: &mut Rand, last: i32) -> Vec<Risk> {
    let as_of = nd(last, 12, 31);
    let mut out = Vec::new();
    let groups = [
        "Mennesker",
        "Prosess",
        "Teknologi",
        "Organisasjon",
        "Omgivelser",
    ];
    let categories = [
        "Liv og helse",
        "Tjenesteleveranse",
        "Omdømme",
        "Økonomi",
        "Personvern",
        "Miljø",
    ];
    for u in &m.units {
        let s = &SECTORS[u.sector];
        if !rng.chance((s.ros_coverage * m.ros_practice).min(0.98)) {
            continue;
        }
        let analyses = rng.range(1, 3);
        for a in 0..analyses {
            let (atype, hz) = if a == 0 {
                HAZARDS[0]
            } else {
                HAZARDS[rng.range(1, HAZARDS.len() as i64 - 1) as usize]
            };
            let analysis = format!("ROS {} – {}", atype.to_lowercase(), u.name);
            let current = rng.chance(s.ros_current);
            let assessed = if current {
                as_of - Duration::days(rng.range(5, 360))
            } else {
                as_of - Duration::days(rng.range(370, 900))
            };
            let next_review = assessed + Duration::days(365);
            let n = rng.range(6, 18);
            for _ in 0..n {
                let p = 1 + rng.weighted(&[0.15, 0.3, 0.3, 0.17, 0.08]) as i64;
                let k = 1 + rng.weighted(&[0.1, 0.25, 0.35, 0.2, 0.1]) as i64;
                let law_breach = rng.chance(0.07);
                let needs = p * k > 10 || law_breach;
                let has_measure = if needs {
                    rng.chance(s.measure_share)
                } else {
                    rng.chance(0.4)
                };
                let (measure, owner, due, status, treatment) = if has_measure {
                    let due = assessed + Duration::days(rng.range(30, 270));
                    let st =
                        ["gjennomført", "pågår", "ikke startet"][rng.weighted(&[0.5, 0.3, 0.2])];
                    (
                        [
                            "Oppdatere rutine og gi opplæring",
                            "Innføre dobbeltkontroll",
                            "Øke bemanning i risikoperioder",
                            "Etablere tilgangsstyring",
                            "Gjennomføre øvelse",
                            "Anskaffe nødstrøm",
                        ][rng.range(0, 5) as usize]
                            .to_string(),
                        [
                            "Enhetsleder",
                            "Avdelingsleder",
                            "Verneombud og leder",
                            "IKT-ansvarlig",
                        ][rng.range(0, 3) as usize]
                            .to_string(),
                        Some(due),
                        st.to_string(),
                        "Redusere".to_string(),
                    )
                } else {
                    (
                        String::new(),
                        String::new(),
                        None,
                        String::new(),
                        if needs {
                            String::new()
                        } else {
                            "Akseptere".into()
                        },
                    )
                };
                let (rp, rk) = if has_measure && rng.chance(0.7) {
                    (
                        Some((p - rng.range(0, 2)).max(1)),
                        Some((k - rng.range(0, 1)).max(1)),
                    )
                } else {
                    (None, None)
                };
                out.push(Risk {
                    sector: s.name.into(),
                    unit: u.name.clone(),
                    analysis: analysis.clone(),
                    analysis_type: atype.into(),
                    risk_group: rng.pick(&groups).to_string(),
                    category: rng.pick(&categories).to_string(),
                    hazard: rng.pick(hz).to_string(),
                    p,
                    k,
                    law_breach,
                    treatment,
                    measure,
                    owner,
                    due,
                    measure_status: status,
                    rp,
                    rk,
                    assessed,
                    next_review,
                });
            }
        }
    }
    out
}

/// Survey respondents of one municipality (one wave, autumn of `year`), Nettskjema style:
/// one column per option for ros_types, options joined by `;` for ros_informed.
pub fn survey(m: &Municipality, rng: &mut Rand, year: i32, with_knr: bool) -> Sheet {
    let q_types = "Hvilke typer ROS-analyser har du deltatt i?";
    let type_opts = [
        "Informasjonssikkerhet",
        "Arbeidsmiljø/smitte",
        "Beredskap og kontinuitet",
        "Personvern",
        "Tjenestespesifikk",
        "Organisasjonsendring",
        "Annet",
    ];
    let mut headers: Vec<String> = vec!["Svar-ID".into(), "Innsendt".into()];
    if with_knr {
        headers.push("Kommunenummer".into());
    }
    headers.extend(
        [
            "Hvilken sektor jobber du i?",
            "Hvilken enhet jobber du i?",
            "Hva er din rolle?",
            "Hvor mange ROS-analyser har du deltatt i det siste året?",
        ]
        .map(String::from),
    );
    headers.extend(type_opts.iter().map(|o| format!("{q_types}: {o}")));
    headers.extend(
        [
            "Hvilket verktøy bruker dere til ROS-analyser?",
            "Hvem informerer dere om ROS-analysene?",
            "Er ROS-analyser relevant for ditt arbeid?",
            "ROS er et godt støtteverktøy",
            "Vi gjennomfører tiltak etterpå",
            "Vi vurderer risiko etter tiltak",
            "Kompetansen på ROS er god",
            "Jeg ønsker mer opplæring",
            "Kommentar",
        ]
        .map(String::from),
    );
    let n = (500.0 + 250.0 * m.population as f64 / 100_000.0).round() as usize;
    let n = n.min((m.population / 20) as usize).max(30);
    let sector_w: Vec<f64> = SECTORS.iter().map(|s| s.employee_share.max(0.04)).collect();
    let bands = ["0", "1-5", "6-20", "21-50", "Mer enn 50"];
    let likert = [
        "Helt uenig",
        "Uenig",
        "Verken enig eller uenig",
        "Enig",
        "Helt enig",
    ];
    let mut rows = Vec::with_capacity(n);
    for i in 0..n {
        let si = rng.weighted(&sector_w);
        let s = &SECTORS[si];
        let units: Vec<&super::world::Unit> = m.units.iter().filter(|u| u.sector == si).collect();
        let unit = rng.pick(&units).name.clone();
        let submitted = nd(year, 10, 1) + Duration::days(rng.range(0, 45));
        let role = ["Leder", "Ansatt", "Verneombud", "Tillitsvalgt"]
            [rng.weighted(&[0.35, 0.45, 0.12, 0.08])];
        let band = rng.weighted(&[0.196, 0.582, 0.161, 0.043, 0.018]);
        let mut r: Vec<String> = vec![
            format!("{}", 100_000 + i),
            format!(
                "{} {:02}:{:02}:{:02}",
                submitted.format("%Y-%m-%d"),
                rng.range(7, 22),
                rng.range(0, 59),
                rng.range(0, 59)
            ),
        ];
        if with_knr {
            r.push(m.knr.clone());
        }
        r.extend([
            s.name.to_string(),
            unit,
            role.to_string(),
            bands[band].to_string(),
        ]);
        // ros_types: asked of those who took part in any analysis.
        let p_service = (s.survey_service_specific / 0.8).min(0.95);
        for (oi, _) in type_opts.iter().enumerate() {
            let chosen = band > 0
                && match oi {
                    4 => rng.chance(p_service),
                    0 => rng.chance(0.3),
                    1 => rng.chance(0.35),
                    2 => rng.chance(0.2),
                    3 => rng.chance(0.15),
                    5 => rng.chance(0.1),
                    _ => rng.chance(0.05),
                };
            r.push(if chosen { "1".into() } else { String::new() });
        }
        let tool = if band == 0 && rng.chance(0.5) {
            String::new()
        } else {
            [
                "Kvalitetssystem",
                "CIM",
                "Excel/Word-mal",
                "Annet",
                "Vet ikke",
            ][rng.weighted(&[0.615, 0.08, 0.18, 0.05, 0.075])]
            .to_string()
        };
        r.push(tool);
        let informed = if rng.chance(0.189) {
            "Ingen".to_string()
        } else {
            let opts = [
                "Nærmeste leder",
                "Ansatte",
                "Verneombud",
                "Brannvern",
                "Miljørettet helsevern",
            ];
            let w = [0.8, 0.5, 0.35, 0.08, 0.04];
            let mut chosen: Vec<&str> = opts
                .iter()
                .zip(w)
                .filter_map(|(o, p)| rng.chance(p).then_some(*o))
                .collect();
            if chosen.is_empty() {
                chosen.push("Nærmeste leder");
            }
            chosen.join(";")
        };
        r.push(informed);
        r.push(["Ja", "Nei", "Ikke relevant"][rng.weighted(&[0.86, 0.06, 0.08])].into());
        for item in 0..5 {
            let centre = match item {
                0 => 3.8,
                1 => 3.4,
                2 => 2.9,
                3 => s.maturity,
                _ => 3.6,
            };
            if rng.chance(0.06) {
                r.push("Vet ikke".into());
            } else {
                let v = (centre + rng.normal()).round().clamp(1.0, 5.0) as usize;
                r.push(likert[v - 1].into());
            }
        }
        r.push(if rng.chance(0.05) {
            "Vi trenger bedre maler.".into()
        } else {
            String::new()
        });
        rows.push(r);
    }
    Sheet { headers, rows }
}

/// Dimensions of the maturity self-assessment: the five duties of kommuneloven § 25-1
/// (a–e) plus three the KS guidance adds.
pub const DIMENSIONS: &[(&str, f64)] = &[
    ("Beskrivelse", 0.5),
    ("Rutiner", 0.3),
    ("Avvik og risiko", -0.6),
    ("Dokumentasjon", 0.2),
    ("Evaluering og forbedring", -0.7),
    ("Ledelse og kultur", 0.1),
    ("Kompetanse", -0.2),
    ("Rapportering", 0.0),
];

/// Maturity self-assessment rows: per sector 3–5 assessors scoring every dimension, in
/// the last year and (for some) the year before.
pub fn maturity(m: &Municipality, rng: &mut Rand, last: i32, with_knr: bool) -> Sheet {
    let mut headers: Vec<String> = Vec::new();
    if with_knr {
        headers.push("Kommunenummer".into());
    }
    headers.extend(
        [
            "Sektor",
            "Vurdert av",
            "Dimensjon",
            "Nåsituasjon",
            "Ambisjonsnivå",
            "Dato",
        ]
        .map(String::from),
    );
    let mut rows = Vec::new();
    for s in SECTORS {
        let assessors = rng.range(3, 5);
        for a in 1..=assessors {
            let who = format!("Vurderer {a}");
            for year in [last - 1, last] {
                if year == last - 1 && !rng.chance(0.4) {
                    continue;
                }
                let date = nd(year, 11, 1) + Duration::days(rng.range(0, 20));
                for (dim, effect) in DIMENSIONS {
                    let base = s.maturity + effect - if year < last { 0.4 } else { 0.0 };
                    let cur = (base + 0.6 * rng.normal()).round().clamp(1.0, 5.0) as i64;
                    let amb = (cur + rng.range(0, 2)).clamp(3, 5);
                    let mut r = Vec::new();
                    if with_knr {
                        r.push(m.knr.clone());
                    }
                    r.extend([
                        s.name.to_string(),
                        who.clone(),
                        dim.to_string(),
                        cur.to_string(),
                        amb.to_string(),
                        fmt_date(date),
                    ]);
                    rows.push(r);
                }
            }
        }
    }
    Sheet { headers, rows }
}

/// Inspections and audits over the years; the last year's are partly open.
pub fn inspections(
    m: &Municipality,
    rng: &mut Rand,
    first: i32,
    last: i32,
    with_knr: bool,
) -> Sheet {
    let mut headers: Vec<String> = Vec::new();
    if with_knr {
        headers.push("Kommunenummer".into());
    }
    headers.extend(
        [
            "Tilsynsmyndighet",
            "Tilsynstema",
            "Sektor",
            "Enhet",
            "Tilsynsdato",
            "Antall lovbrudd",
            "Antall merknader",
            "Frist",
            "Lukket dato",
        ]
        .map(String::from),
    );
    let authorities: &[(&str, &[&str], usize)] = &[
        (
            "Statsforvalteren",
            &[
                "Kommunens beredskapsplikt",
                "Helse- og omsorgstjenester til personer med utviklingshemming",
                "Skolemiljø (opplæringslova kap. 9 A)",
                "Barnehagemyndighet",
            ],
            0,
        ),
        (
            "Arbeidstilsynet",
            &[
                "Vold og trusler",
                "Organisatorisk og psykososialt arbeidsmiljø",
            ],
            0,
        ),
        ("Mattilsynet", &["Drikkevann", "Mat i sykehjem"], 0),
        (
            "Datatilsynet",
            &["Behandling av personopplysninger i skolen"],
            1,
        ),
        (
            "Branntilsyn",
            &["Brannsikkerhet i særskilte brannobjekter"],
            1,
        ),
        (
            "Kommunerevisjonen",
            &[
                "Forvaltningsrevisjon: internkontroll",
                "Forvaltningsrevisjon: innkjøp",
            ],
            4,
        ),
        (
            "Intern revisjon",
            &["Avvikshåndtering", "Informasjonssikkerhet"],
            5,
        ),
    ];
    let per_year = (3.0 + 12.0 * m.population as f64 / 100_000.0).max(1.0);
    let export = nd(last + 1, 1, 15);
    let mut rows = Vec::new();
    for y in first..=last {
        for _ in 0..rng.poisson(per_year) {
            let (auth, themes, default_sector) =
                authorities[rng.weighted(&[0.3, 0.15, 0.1, 0.05, 0.15, 0.1, 0.15])];
            let sector_i = if rng.chance(0.6) {
                default_sector
            } else {
                rng.range(0, SECTORS.len() as i64 - 1) as usize
            };
            let units: Vec<&super::world::Unit> =
                m.units.iter().filter(|u| u.sector == sector_i).collect();
            let date = nd(y, 1, 1) + Duration::days(rng.range(10, 340));
            let findings = rng.weighted(&[0.35, 0.3, 0.2, 0.1, 0.05]) as i64;
            let remarks = rng.range(0, 3);
            let deadline = date + Duration::days(rng.range(60, 120));
            let closed = if findings == 0 {
                Some(date + Duration::days(rng.range(20, 40)))
            } else {
                Some(deadline + Duration::days(rng.range(-30, 90)))
            }
            .filter(|c| *c <= export && !(y == last && rng.chance(0.4)));
            let mut r = Vec::new();
            if with_knr {
                r.push(m.knr.clone());
            }
            r.extend([
                auth.to_string(),
                rng.pick(themes).to_string(),
                SECTORS[sector_i].name.to_string(),
                rng.pick(&units).name.clone(),
                fmt_date(date),
                findings.to_string(),
                remarks.to_string(),
                fmt_date(deadline),
                closed.map(fmt_date).unwrap_or_default(),
            ]);
            rows.push(r);
        }
    }
    rows.sort_by_key(|r| {
        let c = r.len() - 5;
        super::super::ingest::values::parse_date_text(&r[c]).ok()
    });
    Sheet { headers, rows }
}
