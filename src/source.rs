//! The input sources (01-inputs.md, "The six sources") as a leaf type: the config names
//! them, ingestion reads them, analytics and reports refer to their tables. Nothing here
//! depends on another module, so every layer may use it.

use serde::{Deserialize, Serialize};

/// One of the input sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Deviations,
    Risks,
    Survey,
    Units,
    Maturity,
    Inspections,
    Municipalities,
}

impl SourceKind {
    /// All sources in the order they are ingested and reported.
    pub const ALL: [SourceKind; 7] = [
        SourceKind::Deviations,
        SourceKind::Risks,
        SourceKind::Survey,
        SourceKind::Units,
        SourceKind::Maturity,
        SourceKind::Inspections,
        SourceKind::Municipalities,
    ];

    /// The canonical table name.
    pub fn table_name(self) -> &'static str {
        match self {
            SourceKind::Deviations => "deviations",
            SourceKind::Risks => "risks",
            SourceKind::Survey => "survey",
            SourceKind::Units => "units",
            SourceKind::Maturity => "maturity",
            SourceKind::Inspections => "inspections",
            SourceKind::Municipalities => "municipalities",
        }
    }

    /// Parse a table name (canonical English or the Norwegian word users write in config).
    pub fn parse(s: &str) -> Option<SourceKind> {
        let s = s.trim().to_lowercase();
        SourceKind::ALL
            .into_iter()
            .find(|k| k.table_name() == s || k.name_words().iter().any(|w| *w == s))
    }

    /// Norwegian words that name the source in a file or folder name
    /// (01-inputs.md, "Which source a file is").
    pub fn name_words(self) -> &'static [&'static str] {
        match self {
            SourceKind::Deviations => &["avvik", "hendelse", "hendelser"],
            SourceKind::Risks => &["ros", "risiko", "risikoregister"],
            SourceKind::Survey => &[
                "undersøkelse",
                "undersokelse",
                "survey",
                "sporreundersokelse",
            ],
            SourceKind::Units => &["enhet", "enheter", "årsverk", "arsverk", "organisasjon"],
            SourceKind::Maturity => &["modenhet"],
            SourceKind::Inspections => &["tilsyn", "revisjon"],
            SourceKind::Municipalities => &["kommuner"],
        }
    }

    /// The message-catalogue id of the source's display name (`source-deviations`, …).
    pub fn message_id(self) -> &'static str {
        match self {
            SourceKind::Deviations => "source-deviations",
            SourceKind::Risks => "source-risks",
            SourceKind::Survey => "source-survey",
            SourceKind::Units => "source-units",
            SourceKind::Maturity => "source-maturity",
            SourceKind::Inspections => "source-inspections",
            SourceKind::Municipalities => "source-municipalities",
        }
    }
}

/// Config files name sources as users write them (`[sources.avvik]` or
/// `[sources.deviations]`); an unknown name is an error that lists the known ones.
impl<'de> Deserialize<'de> for SourceKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        SourceKind::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "«{s}»: deviations, risks, survey, units, maturity, inspections, municipalities"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_in_both_languages() {
        assert_eq!(SourceKind::parse("avvik"), Some(SourceKind::Deviations));
        assert_eq!(SourceKind::parse(" Risks "), Some(SourceKind::Risks));
        assert_eq!(SourceKind::parse("tilsyn"), Some(SourceKind::Inspections));
        assert_eq!(SourceKind::parse("avvk"), None);
    }
}
