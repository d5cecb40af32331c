//! The canonical schemas of the six sources and the municipalities reference, exactly as
//! `../shared/spec/01-inputs.md` lists them: canonical column names, value kinds, which
//! columns are required, the header aliases (Norwegian first) and the enum synonyms.
//!
//! The survey's respondent columns live here too; its questions come from a codebook
//! (see `survey.rs`).

pub use crate::source::SourceKind;

impl SourceKind {
    /// The column specification of a source (the survey's respondent columns only).
    pub fn columns(self) -> &'static [ColumnSpec] {
        match self {
            SourceKind::Deviations => DEVIATIONS,
            SourceKind::Risks => RISKS,
            SourceKind::Survey => SURVEY_RESPONDENT,
            SourceKind::Units => UNITS,
            SourceKind::Maturity => MATURITY,
            SourceKind::Inspections => INSPECTIONS,
            SourceKind::Municipalities => MUNICIPALITIES,
        }
    }
}

/// What a column holds and how its cells are read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueKind {
    /// Short text (names, categories); whitespace is collapsed.
    Text,
    /// Free text that may hold personal data: kept, never rendered unless asked for.
    FreeText,
    /// A four-digit kommunenummer (leading zero restored: Excel drops it).
    Kommunenummer,
    Date,
    /// An integer on the project's risk scale (1..=scale_max, default 5).
    RiskScale,
    /// An integer within fixed bounds.
    Int {
        min: i64,
        max: i64,
    },
    /// A non-negative number (årsverk, population).
    Number,
    /// A non-negative whole number (findings, remarks).
    Count,
    Bool,
    Enum(&'static EnumSpec),
    /// Deviation severity: ordinal 1–4, digits or words.
    Severity,
}

/// One canonical column.
#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    pub name: &'static str,
    pub kind: ValueKind,
    pub required: bool,
    /// Header aliases, Norwegian first, as users write them.
    pub aliases: &'static [&'static str],
}

/// An enumeration: canonical values with their synonyms, and the value an unknown entry
/// is guessed as (with a warning), if any.
#[derive(Debug, PartialEq)]
pub struct EnumSpec {
    pub values: &'static [(&'static str, &'static [&'static str])],
    pub fallback: Option<&'static str>,
}

impl EnumSpec {
    /// The canonical values, comma-separated (for messages).
    pub fn allowed(&self) -> String {
        self.values
            .iter()
            .map(|(v, _)| *v)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

const fn col(
    name: &'static str,
    kind: ValueKind,
    required: bool,
    aliases: &'static [&'static str],
) -> ColumnSpec {
    ColumnSpec {
        name,
        kind,
        required,
        aliases,
    }
}

const KNR_ALIASES: &[&str] = &["kommunenummer", "knr", "kommune nr", "kommunenr"];
const UNIT_ALIASES: &[&str] = &["enhet", "virksomhet", "avdeling"];
const SECTOR_ALIASES: &[&str] = &["sektor", "tjenesteområde", "kommunalområde", "område"];

pub static DEVIATION_TYPE: EnumSpec = EnumSpec {
    values: &[
        (
            "avvik",
            &[
                "uønsket hendelse",
                "hendelse",
                "nesten-uhell",
                "nesten uhell",
                "uhell",
            ],
        ),
        (
            "forbedringsforslag",
            &["forbedring", "forslag", "forbedringsforslag"],
        ),
        ("positiv", &["ros", "positiv tilbakemelding", "positiv"]),
        ("tilsynsfunn", &["tilsyn"]),
        ("revisjonsfunn", &["revisjon"]),
        (
            "personvernbrudd",
            &[
                "brudd på personopplysningssikkerheten",
                "personvern",
                "avvik personvern",
            ],
        ),
    ],
    // Not in the spec: an unknown type is kept as an ordinary deviation, with a warning,
    // rather than losing the report.
    fallback: Some("avvik"),
};

pub static DEVIATION_SOURCE: EnumSpec = EnumSpec {
    values: &[
        ("ansatt", &["medarbeider", "ansatte"]),
        (
            "innbygger",
            &["bruker", "pårørende", "publikum", "innbyggere", "brukar"],
        ),
        (
            "tilsyn",
            &[
                "statsforvalteren",
                "arbeidstilsynet",
                "mattilsynet",
                "datatilsynet",
                "fylkesmannen",
            ],
        ),
        ("intern revisjon", &["internrevisjon"]),
        (
            "ekstern revisjon",
            &["forvaltningsrevisjon", "kommunerevisjon", "revisjon"],
        ),
        ("leverandør", &["leverandor"]),
        ("annet", &["anna", "other"]),
    ],
    fallback: Some("annet"),
};

pub static DEVIATION_STATUS: EnumSpec = EnumSpec {
    values: &[
        ("åpen", &["ny", "registrert", "mottatt", "open", "åpent"]),
        (
            "under behandling",
            &["pågår", "tiltak iverksatt", "behandles", "under arbeid"],
        ),
        (
            "lukket",
            &["avsluttet", "ferdig", "lukka", "closed", "ferdigbehandlet"],
        ),
    ],
    fallback: None,
};

pub static ANALYSIS_TYPE: EnumSpec = EnumSpec {
    values: &[
        ("informasjonssikkerhet", &["infosikkerhet", "ikt-sikkerhet"]),
        ("personvern", &["dpia", "personvernkonsekvensvurdering"]),
        ("hms", &["arbeidsmiljø", "smitte", "arbeidsmiljø/smitte"]),
        (
            "beredskap",
            &["beredskap og kontinuitet", "helhetlig ros", "kontinuitet"],
        ),
        ("tjenestespesifikk", &["tjeneste", "tenestespesifikk"]),
        ("organisasjonsendring", &["omstilling"]),
        ("prosjekt", &[]),
        ("økonomi", &["okonomi"]),
        ("annet", &["anna"]),
    ],
    fallback: Some("annet"),
};

pub static TREATMENT: EnumSpec = EnumSpec {
    values: &[
        ("unngå", &["unnga"]),
        ("redusere", &["reduser", "redusert"]),
        ("dele", &["overføre", "overfore"]),
        ("akseptere", &["aksepter", "akseptert"]),
    ],
    fallback: None,
};

pub static MEASURE_STATUS: EnumSpec = EnumSpec {
    values: &[
        ("ikke startet", &["ikkje starta", "ikke påbegynt", "ny"]),
        ("pågår", &["under arbeid", "startet", "igangsatt"]),
        ("gjennomført", &["ferdig", "utført", "lukket", "fullført"]),
    ],
    fallback: None,
};

pub static ROLE: EnumSpec = EnumSpec {
    values: &[
        (
            "leder",
            &["leiar", "mellomleder", "enhetsleder", "avdelingsleder"],
        ),
        ("ansatt", &["medarbeider", "tilsett"]),
        ("verneombud", &[]),
        ("tillitsvalgt", &[]),
        ("annet", &["anna"]),
    ],
    fallback: Some("annet"),
};

pub static DEVIATIONS: &[ColumnSpec] = &[
    col(
        "id",
        ValueKind::Text,
        false,
        &["id", "avviksnummer", "saksnummer", "løpenummer", "nr"],
    ),
    col(
        "kommunenummer",
        ValueKind::Kommunenummer,
        false,
        KNR_ALIASES,
    ),
    col("sector", ValueKind::Text, true, SECTOR_ALIASES),
    col(
        "unit",
        ValueKind::Text,
        false,
        &["enhet", "virksomhet", "avdeling", "resultatenhet"],
    ),
    col(
        "reported_date",
        ValueKind::Date,
        true,
        &[
            "meldt dato",
            "registrert dato",
            "registrert",
            "opprettet",
            "dato",
            "meldt",
        ],
    ),
    col(
        "event_date",
        ValueKind::Date,
        false,
        &[
            "hendelsesdato",
            "dato for hendelse",
            "tidspunkt for hendelse",
        ],
    ),
    col(
        "closed_date",
        ValueKind::Date,
        false,
        &[
            "lukket dato",
            "lukket",
            "avsluttet dato",
            "avsluttet",
            "ferdigstilt",
        ],
    ),
    col(
        "type",
        ValueKind::Enum(&DEVIATION_TYPE),
        false,
        &["type", "meldingstype", "sakstype"],
    ),
    col(
        "category",
        ValueKind::Text,
        false,
        &["kategori", "hovedkategori", "tema", "avvikskategori"],
    ),
    col(
        "source",
        ValueKind::Enum(&DEVIATION_SOURCE),
        false,
        &["kilde", "meldt av", "innmelder"],
    ),
    col(
        "severity",
        ValueKind::Severity,
        false,
        &["alvorlighetsgrad", "alvorlighet", "konsekvensgrad"],
    ),
    col(
        "status",
        ValueKind::Enum(&DEVIATION_STATUS),
        false,
        &["status", "saksstatus"],
    ),
    col(
        "root_cause",
        ValueKind::Text,
        false,
        &["årsak", "rotårsak", "årsakskategori"],
    ),
    col(
        "description",
        ValueKind::FreeText,
        false,
        &["beskrivelse", "hendelsesbeskrivelse", "kort beskrivelse"],
    ),
];

pub static RISKS: &[ColumnSpec] = &[
    col(
        "id",
        ValueKind::Text,
        false,
        &["id", "nr", "risikonr", "risiko-id"],
    ),
    col(
        "kommunenummer",
        ValueKind::Kommunenummer,
        false,
        KNR_ALIASES,
    ),
    col(
        "sector",
        ValueKind::Text,
        true,
        &[
            "sektor",
            "tjenesteområde",
            "kommunalområde",
            "risikogruppe-eier",
        ],
    ),
    col("unit", ValueKind::Text, false, UNIT_ALIASES),
    col(
        "analysis",
        ValueKind::Text,
        false,
        &[
            "analyse",
            "ros-analyse",
            "risikovurdering",
            "navn på analyse",
        ],
    ),
    col(
        "analysis_type",
        ValueKind::Enum(&ANALYSIS_TYPE),
        false,
        &["analysetype", "type analyse", "type ros"],
    ),
    col(
        "risk_group",
        ValueKind::Text,
        false,
        &[
            "risikogruppe",
            "aspekter - forhold og krav",
            "aspekt",
            "område",
        ],
    ),
    col(
        "category",
        ValueKind::Text,
        false,
        &[
            "risikokategori",
            "risikobank",
            "risikodimensjon",
            "dimensjon",
            "kategori",
        ],
    ),
    col(
        "hazard",
        ValueKind::Text,
        false,
        &[
            "trusselbeskrivelse",
            "uønsket hendelse",
            "hva kan gå galt",
            "risikobeskrivelse",
        ],
    ),
    col(
        "probability",
        ValueKind::RiskScale,
        true,
        &["sannsynlighet", "s", "sanns"],
    ),
    col(
        "consequence",
        ValueKind::RiskScale,
        true,
        &["konsekvens", "k", "kons"],
    ),
    col(
        "score",
        ValueKind::Text,
        false,
        &[
            "risiko",
            "risikoverdi",
            "risikotall",
            "rv",
            "s x k",
            "sxk",
            "s*k",
        ],
    ),
    col(
        "law_breach",
        ValueKind::Bool,
        false,
        &["lovbrudd", "brudd på lov eller forskrift"],
    ),
    col(
        "treatment",
        ValueKind::Enum(&TREATMENT),
        false,
        &["håndtering", "risikohåndtering", "strategi"],
    ),
    col(
        "measure",
        ValueKind::Text,
        false,
        &["tiltak", "forebyggende tiltak", "skadebegrensende tiltak"],
    ),
    col(
        "measure_owner",
        ValueKind::Text,
        false,
        &["ansvarlig", "tiltaksansvarlig"],
    ),
    col(
        "measure_due",
        ValueKind::Date,
        false,
        &["frist", "tidsfrist"],
    ),
    col(
        "measure_status",
        ValueKind::Enum(&MEASURE_STATUS),
        false,
        &["tiltaksstatus", "status tiltak"],
    ),
    col(
        "residual_probability",
        ValueKind::RiskScale,
        false,
        &["restrisiko sannsynlighet", "s etter tiltak"],
    ),
    col(
        "residual_consequence",
        ValueKind::RiskScale,
        false,
        &["restrisiko konsekvens", "k etter tiltak"],
    ),
    col(
        "assessed_date",
        ValueKind::Date,
        false,
        &[
            "siste evalueringsdato",
            "evaluert",
            "vurdert dato",
            "dato for vurdering",
        ],
    ),
    col(
        "next_review_date",
        ValueKind::Date,
        false,
        &["neste evaluering", "neste revisjon", "neste vurdering"],
    ),
];

/// The survey's respondent columns; the question columns come from the codebook.
pub static SURVEY_RESPONDENT: &[ColumnSpec] = &[
    col(
        "respondent_id",
        ValueKind::Text,
        false,
        &["svar-id", "respons-id", "løpenummer", "id"],
    ),
    col(
        "kommunenummer",
        ValueKind::Kommunenummer,
        false,
        KNR_ALIASES,
    ),
    col(
        "sector",
        ValueKind::Text,
        true,
        &["sektor", "tjenesteområde", "kommunalområde", "område"],
    ),
    col("unit", ValueKind::Text, false, UNIT_ALIASES),
    col(
        "role",
        ValueKind::Enum(&ROLE),
        false,
        &["rolle", "stilling"],
    ),
    col(
        "submitted_date",
        ValueKind::Date,
        false,
        &["innsendt", "levert", "dato"],
    ),
];

pub static UNITS: &[ColumnSpec] = &[
    col(
        "kommunenummer",
        ValueKind::Kommunenummer,
        false,
        KNR_ALIASES,
    ),
    col("sector", ValueKind::Text, true, SECTOR_ALIASES),
    col("unit", ValueKind::Text, true, UNIT_ALIASES),
    col(
        "employees",
        ValueKind::Number,
        false,
        &["årsverk", "antall årsverk", "ansatte", "antall ansatte"],
    ),
    col(
        "parent",
        ValueKind::Text,
        false,
        &["overordnet", "overordnet enhet"],
    ),
    col("valid_from", ValueKind::Date, false, &["gyldig fra"]),
    col("valid_to", ValueKind::Date, false, &["gyldig til"]),
];

pub static MATURITY: &[ColumnSpec] = &[
    col(
        "kommunenummer",
        ValueKind::Kommunenummer,
        false,
        KNR_ALIASES,
    ),
    col(
        "sector",
        ValueKind::Text,
        true,
        &["sektor", "tjenesteområde", "kommunalområde"],
    ),
    col("unit", ValueKind::Text, false, UNIT_ALIASES),
    col(
        "assessor",
        ValueKind::FreeText,
        false,
        &["vurdert av", "navn", "deltaker"],
    ),
    col(
        "dimension",
        ValueKind::Text,
        true,
        &["dimensjon", "område", "tema"],
    ),
    col(
        "current_level",
        ValueKind::Int { min: 1, max: 5 },
        true,
        &[
            "nåsituasjon",
            "nå-situasjon",
            "nivå nå",
            "nåværende nivå",
            "modenhet",
        ],
    ),
    col(
        "ambition_level",
        ValueKind::Int { min: 1, max: 5 },
        false,
        &["ambisjon", "ambisjonsnivå", "ønsket nivå"],
    ),
    col(
        "assessed_date",
        ValueKind::Date,
        false,
        &["dato", "vurdert dato"],
    ),
];

pub static INSPECTIONS: &[ColumnSpec] = &[
    col(
        "kommunenummer",
        ValueKind::Kommunenummer,
        false,
        KNR_ALIASES,
    ),
    col("sector", ValueKind::Text, false, SECTOR_ALIASES),
    col("unit", ValueKind::Text, false, UNIT_ALIASES),
    col(
        "authority",
        ValueKind::Text,
        false,
        &["myndighet", "tilsynsmyndighet", "tilsynsorgan", "revisor"],
    ),
    col("theme", ValueKind::Text, false, &["tema", "tilsynstema"]),
    col(
        "date",
        ValueKind::Date,
        true,
        &["dato", "tilsynsdato", "revisjonsdato"],
    ),
    col(
        "findings",
        ValueKind::Count,
        false,
        &[
            "lovbrudd",
            "avvik",
            "antall lovbrudd",
            "antall avvik",
            "funn",
        ],
    ),
    col(
        "remarks",
        ValueKind::Count,
        false,
        &["merknader", "antall merknader"],
    ),
    col("deadline", ValueKind::Date, false, &["frist", "svarfrist"]),
    col(
        "closed_date",
        ValueKind::Date,
        false,
        &["lukket dato", "lukket", "avsluttet"],
    ),
];

pub static MUNICIPALITIES: &[ColumnSpec] = &[
    col(
        "kommunenummer",
        ValueKind::Kommunenummer,
        true,
        &["kommunenummer", "knr", "kommune nr", "kommunenr", "nummer"],
    ),
    col(
        "kommune",
        ValueKind::Text,
        true,
        &["kommunenavn", "navn", "name"],
    ),
    col("fylke", ValueKind::Text, false, &["fylkesnavn", "county"]),
    col(
        "innbyggere",
        ValueKind::Count,
        false,
        &["folketall", "befolkning", "population", "antall innbyggere"],
    ),
    col(
        "kostra_group",
        ValueKind::Text,
        false,
        &["kostra-gruppe", "kostragruppe", "kommunegruppe"],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_source_has_its_required_columns() {
        let req = |k: SourceKind| -> Vec<&str> {
            k.columns()
                .iter()
                .filter(|c| c.required)
                .map(|c| c.name)
                .collect()
        };
        assert_eq!(req(SourceKind::Deviations), ["sector", "reported_date"]);
        assert_eq!(
            req(SourceKind::Risks),
            ["sector", "probability", "consequence"]
        );
        assert_eq!(req(SourceKind::Units), ["sector", "unit"]);
        assert_eq!(
            req(SourceKind::Maturity),
            ["sector", "dimension", "current_level"]
        );
        assert_eq!(req(SourceKind::Inspections), ["date"]);
    }
}
