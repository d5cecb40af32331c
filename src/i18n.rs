//! Message catalogues: Norwegian bokmål (default), nynorsk and English.
//!
//! Every fixed text a user reads (data-quality reasons, validation output, file errors)
//! comes from here, so that a municipality whose official language form is nynorsk gets
//! the same tool in its own form (mållova § 5; 03-report.md "Language").

use serde::{Deserialize, Serialize};

/// Report and message language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Norwegian bokmål.
    #[default]
    Nb,
    /// Norwegian nynorsk.
    Nn,
    /// English.
    En,
}

impl Lang {
    /// Parse `nb`, `nn`, `en` (also `no`, `bokmål`, `nynorsk`, `english`).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_lowercase().as_str() {
            "nb" | "no" | "bokmål" | "bokmal" | "nob" => Some(Lang::Nb),
            "nn" | "nynorsk" | "nno" => Some(Lang::Nn),
            "en" | "english" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// Pick one of three texts.
    pub fn pick<'a>(self, nb: &'a str, nn: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nb => nb,
            Lang::Nn => nn,
            Lang::En => en,
        }
    }
}

/// Why a value or a row was rejected or warned about. Rendered per language.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Reason {
    RequiredBlank,
    NotADate,
    NoSuchDate,
    ImplausibleDate,
    NotANumber,
    NotAnInteger,
    OutOfScale { min: i64, max: i64 },
    Negative,
    NotABool,
    GuessedEnum { guessed: String },
    UnknownEnum { allowed: String },
    ScoreMismatch { given: String, computed: i64 },
    BadKommunenummer,
    ShortRow { found: usize, expected: usize },
    LongRow { found: usize, expected: usize },
    UnknownAnswer { question: String },
    ClosedBeforeReported,
    DeadlineBeforeDate,
}

impl Reason {
    /// A short machine-readable code (stable; for users' scripts).
    pub fn code(&self) -> &'static str {
        match self {
            Reason::RequiredBlank => "required_blank",
            Reason::NotADate => "not_a_date",
            Reason::NoSuchDate => "no_such_date",
            Reason::ImplausibleDate => "implausible_date",
            Reason::NotANumber => "not_a_number",
            Reason::NotAnInteger => "not_an_integer",
            Reason::OutOfScale { .. } => "out_of_scale",
            Reason::Negative => "negative",
            Reason::NotABool => "not_a_bool",
            Reason::GuessedEnum { .. } => "guessed_value",
            Reason::UnknownEnum { .. } => "unknown_value",
            Reason::ScoreMismatch { .. } => "score_mismatch",
            Reason::BadKommunenummer => "bad_kommunenummer",
            Reason::ShortRow { .. } => "short_row",
            Reason::LongRow { .. } => "long_row",
            Reason::UnknownAnswer { .. } => "unknown_answer",
            Reason::ClosedBeforeReported => "closed_before_reported",
            Reason::DeadlineBeforeDate => "deadline_before_date",
        }
    }

    /// The reason in plain words.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Reason::RequiredBlank => lang
                .pick(
                    "påkrevd verdi mangler",
                    "påkravd verdi manglar",
                    "required value is missing",
                )
                .into(),
            Reason::NotADate => lang
                .pick(
                    "ikke en dato (bruk f.eks. 14.02.2024 eller 2024-02-14)",
                    "ikkje ein dato (bruk t.d. 14.02.2024 eller 2024-02-14)",
                    "not a date (use e.g. 14.02.2024 or 2024-02-14)",
                )
                .into(),
            Reason::NoSuchDate => lang
                .pick(
                    "datoen finnes ikke i kalenderen",
                    "datoen finst ikkje i kalenderen",
                    "the date does not exist in the calendar",
                )
                .into(),
            Reason::ImplausibleDate => lang
                .pick(
                    "usannsynlig dato (før 1950 eller etter 2100)",
                    "usannsynleg dato (før 1950 eller etter 2100)",
                    "implausible date (before 1950 or after 2100)",
                )
                .into(),
            Reason::NotANumber => lang
                .pick("ikke et tall", "ikkje eit tal", "not a number")
                .into(),
            Reason::NotAnInteger => lang
                .pick("ikke et heltall", "ikkje eit heiltal", "not a whole number")
                .into(),
            Reason::OutOfScale { min, max } => format!(
                "{} {min}–{max}",
                lang.pick("utenfor skalaen", "utanfor skalaen", "outside the scale")
            ),
            Reason::Negative => lang
                .pick(
                    "kan ikke være negativt",
                    "kan ikkje vere negativt",
                    "cannot be negative",
                )
                .into(),
            Reason::NotABool => lang
                .pick("ikke ja/nei", "ikkje ja/nei", "not yes/no")
                .into(),
            Reason::GuessedEnum { guessed } => format!(
                "{} «{guessed}»",
                lang.pick(
                    "ukjent verdi, tolket som",
                    "ukjend verdi, tolka som",
                    "unknown value, read as"
                )
            ),
            Reason::UnknownEnum { allowed } => format!(
                "{}: {allowed}",
                lang.pick(
                    "ukjent verdi; gyldige verdier er",
                    "ukjend verdi; gyldige verdiar er",
                    "unknown value; valid values are"
                )
            ),
            Reason::ScoreMismatch { given, computed } => match lang {
                Lang::Nb => format!(
                    "oppgitt risikoverdi {given} stemmer ikke med sannsynlighet × konsekvens = {computed}; {computed} er brukt"
                ),
                Lang::Nn => format!(
                    "oppgjeven risikoverdi {given} stemmer ikkje med sannsyn × konsekvens = {computed}; {computed} er brukt"
                ),
                Lang::En => format!(
                    "given risk score {given} differs from probability × consequence = {computed}; {computed} is used"
                ),
            },
            Reason::BadKommunenummer => lang
                .pick(
                    "kommunenummer skal ha fire siffer",
                    "kommunenummer skal ha fire siffer",
                    "kommunenummer must have four digits",
                )
                .into(),
            Reason::ShortRow { found, expected } => match lang {
                Lang::Nb => format!(
                    "raden har {found} felt, overskriften {expected}; manglende felt er lest som tomme"
                ),
                Lang::Nn => format!(
                    "rada har {found} felt, overskrifta {expected}; manglande felt er lesne som tomme"
                ),
                Lang::En => format!(
                    "the row has {found} fields, the header {expected}; missing fields are read as blank"
                ),
            },
            Reason::LongRow { found, expected } => match lang {
                Lang::Nb => format!(
                    "raden har {found} felt, overskriften bare {expected} (skilletegn i en verdi uten anførselstegn?)"
                ),
                Lang::Nn => format!(
                    "rada har {found} felt, overskrifta berre {expected} (skiljeteikn i ein verdi utan hermeteikn?)"
                ),
                Lang::En => format!(
                    "the row has {found} fields, the header only {expected} (a delimiter inside an unquoted value?)"
                ),
            },
            Reason::UnknownAnswer { question } => match lang {
                Lang::Nb => format!("ukjent svaralternativ på «{question}»; svaret er utelatt"),
                Lang::Nn => format!("ukjent svaralternativ på «{question}»; svaret er utelate"),
                Lang::En => {
                    format!("unknown answer option for «{question}»; the answer is left out")
                }
            },
            Reason::ClosedBeforeReported => lang
                .pick(
                    "lukket dato er før meldt dato",
                    "lukka dato er før meld dato",
                    "closed date is before the reported date",
                )
                .into(),
            Reason::DeadlineBeforeDate => lang
                .pick(
                    "fristen er før tilsynsdatoen",
                    "fristen er før tilsynsdatoen",
                    "the deadline is before the inspection date",
                )
                .into(),
        }
    }
}

/// Severity of a data-quality row: `error` = the row is left out, `warning` = kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// The canonical (English) name used in the data_quality table.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_exist_in_every_language() {
        let r = Reason::OutOfScale { min: 1, max: 5 };
        assert_eq!(r.text(Lang::Nb), "utenfor skalaen 1–5");
        assert_eq!(r.text(Lang::Nn), "utanfor skalaen 1–5");
        assert_eq!(r.text(Lang::En), "outside the scale 1–5");
        assert_eq!(Lang::parse("NN"), Some(Lang::Nn));
        assert_eq!(Lang::parse("de"), None);
    }
}
