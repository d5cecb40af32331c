//! The synthetic municipality: sectors with Trondheim-like names, units with årsverk,
//! and the planted signal every analysis should find (02-analytics.md): a sector whose
//! deviations rise year on year, seasonality, a special-cause spike month, sectors with
//! low ROS coverage, overdue reviews, red risks without measures, maturity gaps and open
//! inspection findings.

use super::rng::Rand;

/// A sector and its character in the synthetic world.
pub struct SectorDef {
    pub name: &'static str,
    /// Share of the municipality's årsverk.
    pub employee_share: f64,
    /// Deviations per årsverk per month relative to the average.
    pub deviation_rate: f64,
    /// Share of units with a ROS analysis in the register.
    pub ros_coverage: f64,
    /// Share of assessed ROS analyses that are current (within 12 months).
    pub ros_current: f64,
    /// Share of risks needing measures that have one.
    pub measure_share: f64,
    /// Mean days to close a deviation.
    pub days_to_close: f64,
    /// Share choosing "tjenestespesifikk" in the survey (Trondheim 2020/21 levels).
    pub survey_service_specific: f64,
    /// Mean current maturity level.
    pub maturity: f64,
    pub categories: &'static [&'static str],
    pub unit_kinds: &'static [&'static str],
}

pub const SECTORS: &[SectorDef] = &[
    SectorDef {
        name: "Helse og velferd",
        employee_share: 0.45,
        deviation_rate: 1.35,
        ros_coverage: 0.9,
        ros_current: 0.75,
        measure_share: 0.85,
        days_to_close: 28.0,
        survey_service_specific: 0.24,
        maturity: 3.0,
        categories: &[
            "Legemiddelhåndtering",
            "Fall",
            "Vold og trusler",
            "Dokumentasjon",
            "Personvern",
            "Smittevern",
            "HMS",
        ],
        unit_kinds: &[
            "Hjemmetjenesten",
            "Helsehuset",
            "Bo- og aktivitetssenter",
            "Legevakt",
            "Helsestasjon",
            "Bofellesskap",
        ],
    },
    SectorDef {
        name: "Oppvekst og utdanning",
        employee_share: 0.36,
        deviation_rate: 0.85,
        ros_coverage: 0.85,
        ros_current: 0.7,
        measure_share: 0.85,
        days_to_close: 35.0,
        survey_service_specific: 0.29,
        maturity: 2.8,
        categories: &[
            "Vold og trusler",
            "Skade på elev/barn",
            "Skolemiljø",
            "HMS",
            "Personvern",
            "Bygg og inneklima",
        ],
        unit_kinds: &["skole", "barnehage", "ungdomsskole"],
    },
    SectorDef {
        name: "Kultur og idrett",
        employee_share: 0.05,
        deviation_rate: 0.7,
        ros_coverage: 0.75,
        ros_current: 0.5,
        measure_share: 0.8,
        days_to_close: 40.0,
        survey_service_specific: 0.42,
        maturity: 2.6,
        categories: &["HMS", "Publikumssikkerhet", "Bygg og anlegg", "Personvern"],
        unit_kinds: &["Bibliotek", "Kulturskole", "Idrettsanlegg", "Kulturhus"],
    },
    SectorDef {
        name: "Byutvikling",
        employee_share: 0.09,
        deviation_rate: 0.9,
        ros_coverage: 0.8,
        ros_current: 0.6,
        measure_share: 0.6,
        days_to_close: 60.0,
        survey_service_specific: 0.35,
        maturity: 2.7,
        categories: &[
            "HMS",
            "Trafikksikkerhet",
            "Vann og avløp",
            "Saksbehandling",
            "Maskiner og utstyr",
        ],
        unit_kinds: &["Bydrift", "Kommunalteknikk", "Plan og bygning", "Eiendom"],
    },
    SectorDef {
        name: "Finans",
        employee_share: 0.025,
        deviation_rate: 0.35,
        ros_coverage: 0.3,
        ros_current: 0.5,
        measure_share: 0.8,
        days_to_close: 30.0,
        survey_service_specific: 0.16,
        maturity: 2.9,
        categories: &["Saksbehandling", "Personvern", "Informasjonssikkerhet"],
        unit_kinds: &["Regnskap", "Innkjøp", "Økonomi", "Lønn"],
    },
    SectorDef {
        name: "Organisasjon",
        employee_share: 0.025,
        deviation_rate: 0.5,
        ros_coverage: 0.25,
        ros_current: 0.4,
        measure_share: 0.8,
        days_to_close: 30.0,
        survey_service_specific: 0.09,
        maturity: 2.8,
        categories: &[
            "Informasjonssikkerhet",
            "Personvern",
            "HMS",
            "Saksbehandling",
        ],
        unit_kinds: &["HR", "IT", "Dokumentsenter", "Kommunikasjon"],
    },
];

/// Index of the sector whose deviations rise year on year.
pub const RISING_SECTOR: usize = 0;
/// Index of the sector with a special-cause spike (one month, previous year, October).
pub const SPIKE_SECTOR: usize = 1;
pub const SPIKE_MONTH: u32 = 10;

const PLACES: &[&str] = &[
    "Nordby",
    "Sørli",
    "Østmo",
    "Vestre",
    "Sentrum",
    "Haugen",
    "Dalen",
    "Sletta",
    "Åsen",
    "Bakken",
    "Lia",
    "Moen",
    "Vika",
    "Holmen",
    "Nesset",
    "Berg",
    "Lunden",
    "Tunet",
    "Elvebakken",
    "Furuly",
    "Solbakken",
    "Engen",
    "Fjellheim",
    "Strand",
    "Bryggen",
    "Kroken",
    "Myra",
    "Skogly",
];

/// One organisational unit.
#[derive(Debug, Clone)]
pub struct Unit {
    pub sector: usize,
    pub name: String,
    pub employees: f64,
}

/// One municipality of the synthetic world.
#[derive(Debug, Clone)]
pub struct Municipality {
    pub knr: String,
    pub name: String,
    pub fylke: String,
    pub population: u64,
    pub kostra_group: String,
    pub units: Vec<Unit>,
    /// Reporting culture: multiplies deviation rates (benchmark spread).
    pub culture: f64,
    /// ROS practice: multiplies coverage (benchmark spread).
    pub ros_practice: f64,
}

impl Municipality {
    /// Build a municipality's units from its population.
    pub fn new(
        knr: String,
        name: String,
        fylke: String,
        population: u64,
        rng: &mut Rand,
        spread: bool,
    ) -> Municipality {
        let scale = population as f64 / 100_000.0;
        let total_units = (30.0 + 60.0 * scale).round().max(12.0) as usize;
        let total_employees = population as f64 * 0.07;
        let mut units = Vec::new();
        for (si, s) in SECTORS.iter().enumerate() {
            let n = ((total_units as f64 * s.employee_share).round() as usize).max(2);
            let per_unit = total_employees * s.employee_share / n as f64;
            for k in 0..n {
                let kind = s.unit_kinds[k % s.unit_kinds.len()];
                let place = PLACES[(k / s.unit_kinds.len() + si * 3) % PLACES.len()];
                let round = k / (s.unit_kinds.len() * PLACES.len());
                let mut name = if kind.chars().next().is_some_and(|c| c.is_lowercase()) {
                    format!("{place} {kind}")
                } else {
                    format!("{kind} {place}")
                };
                if round > 0 {
                    name = format!("{name} {}", round + 1);
                }
                let employees = (per_unit * (0.5 + rng.f64())).max(2.0);
                units.push(Unit {
                    sector: si,
                    name,
                    employees: (employees * 10.0).round() / 10.0,
                });
            }
        }
        let kostra_group = match population {
            0..=4_999 => "Små kommuner",
            5_000..=19_999 => "Mellomstore kommuner",
            20_000..=99_999 => "Store kommuner",
            _ => "De største kommunene",
        }
        .to_string();
        let (culture, ros_practice) = if spread {
            ((0.6 + 0.8 * rng.f64()), (0.6 + 0.5 * rng.f64()))
        } else {
            (1.0, 1.0)
        };
        Municipality {
            knr,
            name,
            fylke,
            population,
            kostra_group,
            units,
            culture,
            ros_practice,
        }
    }
}

const PREFIXES: &[&str] = &[
    "Nord", "Sør", "Øst", "Vest", "Stor", "Lille", "Fjell", "Elve", "Sjø", "Skog", "Berg", "Myr",
    "Sol", "Vind",
];
const SUFFIXES: &[&str] = &[
    "vik", "dal", "fjord", "øy", "heim", "nes", "berg", "strand", "sund", "land", "bygd", "eid",
];

/// A fictitious municipality name for index `i` (different for each i below 168).
pub fn fictitious_name(i: usize) -> String {
    let p = PREFIXES[i % PREFIXES.len()];
    let s = SUFFIXES[(i / PREFIXES.len() + i) % SUFFIXES.len()];
    let base = format!("{p}{s}");
    let mut c = base.chars();
    let name = match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
        None => base,
    };
    if i >= PREFIXES.len() * SUFFIXES.len() {
        format!("{name} {}", i / (PREFIXES.len() * SUFFIXES.len()) + 1)
    } else {
        name
    }
}

/// Seasonal factor of deviations per month: fewer in the July holiday and at Christmas.
pub fn season(month: u32) -> f64 {
    [
        1.1, 1.1, 1.05, 1.0, 1.0, 0.9, 0.6, 0.85, 1.1, 1.15, 1.1, 0.85,
    ][(month - 1) as usize]
}
