//! Message catalogues: Norwegian bokmål (default), nynorsk and English.
//!
//! Every fixed text a user reads (data-quality reasons, validation output, errors, the
//! report's headings, labels and generated sentences) is a message in one Fluent file per
//! language (`nb.ftl`, `nn.ftl`, `en.ftl`, embedded at compile time), so that a
//! municipality whose official language form is nynorsk gets the same tool in its own
//! form (mållova § 5; 03-report.md "Language"), and a translator edits one file.
//!
//! Fluent (Project Fluent, Mozilla) handles plurals (`1 fil`, `2 filer`) by CLDR plural
//! rules. Numbers passed as numbers are written in the language's style by [`num`]; years
//! and row numbers are passed as text so that they are never grouped (`2025`, not
//! `2 025`). Use the [`tr!`](crate::tr) macro:
//!
//! ```
//! use ikrapport::{tr, Lang};
//! assert_eq!(tr!(Lang::Nb, "summary-files", n = 1usize), "1 fil");
//! assert_eq!(tr!(Lang::Nb, "summary-files", n = 3usize), "3 filer");
//! ```

pub mod num;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

pub use fluent_bundle::FluentArgs;

/// The catalogues, one per language, as Fluent source.
pub const CATALOGUES: [(Lang, &str); 3] = [
    (Lang::Nb, include_str!("nb.ftl")),
    (Lang::Nn, include_str!("nn.ftl")),
    (Lang::En, include_str!("en.ftl")),
];

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

    /// The BCP 47 code (`nb`, `nn`, `en`), as in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::Nb => 0,
            Lang::Nn => 1,
            Lang::En => 2,
        }
    }
}

/// Fluent's formatter hook: numbers in the language's style (see [`num`]). A number with
/// the percent style is a fraction written as a percentage.
fn format_number(v: &FluentValue, lang: Lang) -> Option<String> {
    let FluentValue::Number(n) = v else {
        return None;
    };
    let decimals = n.options.maximum_fraction_digits.unwrap_or(0) as u32;
    Some(match n.options.style {
        fluent_bundle::types::FluentNumberStyle::Percent => num::percent(n.value, decimals, lang),
        _ => num::decimal(n.value, decimals, lang),
    })
}

fn format_nb<M>(v: &FluentValue, _: &M) -> Option<String> {
    format_number(v, Lang::Nb)
}
fn format_nn<M>(v: &FluentValue, _: &M) -> Option<String> {
    format_number(v, Lang::Nn)
}
fn format_en<M>(v: &FluentValue, _: &M) -> Option<String> {
    format_number(v, Lang::En)
}

/// A catalogue as a Fluent bundle. Errors in a catalogue are found by the tests below.
pub fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<Vec<FluentBundle<FluentResource>>> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| {
        CATALOGUES
            .iter()
            .map(|(lang, text)| {
                let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
                let mut b = FluentBundle::new_concurrent(vec![id]);
                // Unicode isolation marks around placeables are for mixing scripts; in
                // Norwegian text they only end up as invisible characters in CSV and Word.
                b.set_use_isolating(false);
                b.set_formatter(Some(match lang {
                    Lang::Nb => format_nb,
                    Lang::Nn => format_nn,
                    Lang::En => format_en,
                }));
                let res = match FluentResource::try_new(text.to_string()) {
                    Ok(r) => r,
                    Err((r, _)) => r,
                };
                let _ = b.add_resource(res);
                b
            })
            .collect()
    });
    &all[lang.index()]
}

/// One message (or `message.attribute`) with its arguments. A missing id gives the id
/// itself, so nothing is lost; the tests make sure every id used exists in every language.
pub fn message(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let b = bundle(lang);
    let (mid, attr) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let Some(msg) = b.get_message(mid) else {
        return id.to_string();
    };
    let pattern = match attr {
        Some(a) => msg.get_attribute(a).map(|a| a.value()),
        None => msg.value(),
    };
    let Some(pattern) = pattern else {
        return id.to_string();
    };
    let mut errors = vec![];
    b.format_pattern(pattern, args, &mut errors).into_owned()
}

/// A value as part of a message id (Fluent ids are ASCII letters, digits, `-` and
/// `_`): `rød` → `rod`, `ingen tydelig trend` → `ingen-tydelig-trend`.
/// The row of the whole municipality in every table broken down by sector, and the value
/// of a blank category, root cause or authority (02-analytics.md): fixed Norwegian values
/// in the data (CSV, Parquet and queries read them the same in every language), shown in
/// the report's language where a reader sees them (report tables and charts).
pub const WHOLE_MUNICIPALITY: &str = "Hele kommunen";
pub const NOT_STATED: &str = "ikke angitt";

/// A data value as the reader of a report in `lang` sees it: the two fixed values above
/// in the report's language, any other value as it is.
pub fn value_text(s: &str, lang: Lang) -> String {
    match s {
        WHOLE_MUNICIPALITY => message(lang, "value-whole-municipality", None),
        NOT_STATED => message(lang, "value-not-stated", None),
        _ => s.to_string(),
    }
}

pub fn id_part(s: &str) -> String {
    let mut out = String::new();
    for ch in s.to_lowercase().chars() {
        match ch {
            'æ' => out.push_str("ae"),
            'ø' => out.push('o'),
            'å' => out.push('a'),
            c if c.is_ascii_alphanumeric() || c == '_' => out.push(c),
            _ => out.push('-'),
        }
    }
    out.split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// True when the catalogue of `lang` has a message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// A value for a message argument.
pub trait IntoArg {
    fn into_arg(self) -> FluentValue<'static>;
}

impl IntoArg for &str {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(self.to_string().into())
    }
}
impl IntoArg for String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(self.into())
    }
}
impl IntoArg for &String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(self.clone().into())
    }
}
impl IntoArg for usize {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self as f64)
    }
}
impl IntoArg for u64 {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self as f64)
    }
}
impl IntoArg for i64 {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self as f64)
    }
}
impl IntoArg for &std::path::Path {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(self.display().to_string().into())
    }
}
impl IntoArg for std::path::PathBuf {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(self.display().to_string().into())
    }
}
impl IntoArg for &std::path::PathBuf {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(self.display().to_string().into())
    }
}

/// A number with a fixed number of decimals (`Dec(3.14159, 1)` → `3,1`).
pub struct Dec(pub f64, pub u32);
/// A fraction written as a percentage (`Pct(0.196, 1)` → `19,6 %`).
pub struct Pct(pub f64, pub u32);

impl IntoArg for Dec {
    fn into_arg(self) -> FluentValue<'static> {
        let mut n = fluent_bundle::types::FluentNumber::new(self.0, Default::default());
        n.options.maximum_fraction_digits = Some(self.1 as usize);
        n.options.minimum_fraction_digits = Some(self.1 as usize);
        FluentValue::Number(n)
    }
}
impl IntoArg for Pct {
    fn into_arg(self) -> FluentValue<'static> {
        let mut n = fluent_bundle::types::FluentNumber::new(self.0, Default::default());
        n.options.maximum_fraction_digits = Some(self.1 as usize);
        n.options.style = fluent_bundle::types::FluentNumberStyle::Percent;
        FluentValue::Number(n)
    }
}

/// Turn a value into a message argument (used by [`tr!`](crate::tr)).
pub fn arg(v: impl IntoArg) -> FluentValue<'static> {
    v.into_arg()
}

/// A message from the catalogue: `tr!(lang, "id")` or `tr!(lang, "id", name = value, …)`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:expr $(,)?) => {
        $crate::i18n::message($lang, $id, None)
    };
    ($lang:expr, $id:expr, $($k:ident = $v:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($k), $crate::i18n::arg($v)); )+
        $crate::i18n::message($lang, $id, Some(&args))
    }};
}

/// Why a value or a row was rejected or warned about. Rendered per language from the
/// catalogue (`reason-<code>`).
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
            Reason::RequiredBlank => tr!(lang, "reason-required_blank"),
            Reason::NotADate => tr!(lang, "reason-not_a_date"),
            Reason::NoSuchDate => tr!(lang, "reason-no_such_date"),
            Reason::ImplausibleDate => tr!(lang, "reason-implausible_date"),
            Reason::NotANumber => tr!(lang, "reason-not_a_number"),
            Reason::NotAnInteger => tr!(lang, "reason-not_an_integer"),
            Reason::OutOfScale { min, max } => tr!(
                lang,
                "reason-out_of_scale",
                min = min.to_string(),
                max = max.to_string()
            ),
            Reason::Negative => tr!(lang, "reason-negative"),
            Reason::NotABool => tr!(lang, "reason-not_a_bool"),
            Reason::GuessedEnum { guessed } => {
                tr!(lang, "reason-guessed_value", guessed = guessed.as_str())
            }
            Reason::UnknownEnum { allowed } => {
                tr!(lang, "reason-unknown_value", allowed = allowed.as_str())
            }
            Reason::ScoreMismatch { given, computed } => tr!(
                lang,
                "reason-score_mismatch",
                given = given.as_str(),
                computed = computed.to_string()
            ),
            Reason::BadKommunenummer => tr!(lang, "reason-bad_kommunenummer"),
            Reason::ShortRow { found, expected } => tr!(
                lang,
                "reason-short_row",
                found = *found,
                expected = *expected
            ),
            Reason::LongRow { found, expected } => tr!(
                lang,
                "reason-long_row",
                found = *found,
                expected = *expected
            ),
            Reason::UnknownAnswer { question } => {
                tr!(lang, "reason-unknown_answer", question = question.as_str())
            }
            Reason::ClosedBeforeReported => tr!(lang, "reason-closed_before_reported"),
            Reason::DeadlineBeforeDate => tr!(lang, "reason-deadline_before_date"),
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
    use fluent_syntax::ast;
    use std::collections::{BTreeMap, BTreeSet};

    #[test]
    fn reasons_exist_in_every_language() {
        let r = Reason::OutOfScale { min: 1, max: 5 };
        assert_eq!(r.text(Lang::Nb), "utenfor skalaen 1–5");
        assert_eq!(r.text(Lang::Nn), "utanfor skalaen 1–5");
        assert_eq!(r.text(Lang::En), "outside the scale 1–5");
        assert_eq!(Lang::parse("NN"), Some(Lang::Nn));
        assert_eq!(Lang::parse("de"), None);
    }

    #[test]
    fn english_writes_a_percent_sign_without_a_space() {
        // English style is "5%" (Chicago Manual of Style 9.18), as `num::percent` writes
        // figures in English; Norwegian keeps the space (Språkrådet: "5 %").
        let en = include_str!("en.ftl");
        let spaced: Vec<&str> = en
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .filter(|l| l.contains(" %"))
            .collect();
        assert_eq!(spaced, Vec::<&str>::new());
        assert!(
            tr!(Lang::En, "text-dev-trend-up", years = 5usize).contains("(Mann-Kendall, 5% level)")
        );
        assert!(tr!(Lang::Nb, "text-dev-trend-up", years = 5usize).contains("5 % nivå"));
    }

    #[test]
    fn plurals_and_numbers_follow_the_language() {
        assert_eq!(tr!(Lang::Nb, "summary-files", n = 1usize), "1 fil");
        assert_eq!(tr!(Lang::Nb, "summary-files", n = 3usize), "3 filer");
        assert_eq!(tr!(Lang::En, "summary-files", n = 1usize), "1 file");
        assert_eq!(
            tr!(Lang::Nb, "word-rows-n", n = 12345usize),
            "12\u{a0}345 rader"
        );
        assert_eq!(tr!(Lang::En, "word-rows-n", n = 12345usize), "12,345 rows");
        assert_eq!(
            tr!(
                Lang::Nb,
                "validate-summary",
                files = 1usize,
                read = 2usize,
                kept = 1usize,
                rejected = 1usize
            ),
            "Sammendrag: 1 fil, 2 rader lest, 1 beholdt, 1 avvist."
        );
        // An unknown id is shown as itself rather than lost.
        assert_eq!(tr!(Lang::Nb, "no-such-message"), "no-such-message");
    }

    /// Variables a pattern uses.
    fn vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for e in &p.elements {
            if let ast::PatternElement::Placeable { expression } = e {
                expr(expression, out);
            }
        }
    }

    fn expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Inline(i) => inline(i, out),
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    vars(&v.value, out);
                }
            }
        }
    }

    fn inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expr(expression, out),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
            }
            _ => {}
        }
    }

    /// id → variables, for every message of a catalogue; parse errors fail the test.
    fn catalogue(lang: Lang, text: &str) -> BTreeMap<String, BTreeSet<String>> {
        let res = match fluent_syntax::parser::parse(text) {
            Ok(r) => r,
            Err((_, errs)) => panic!("{}.ftl does not parse: {errs:?}", lang.code()),
        };
        let mut out = BTreeMap::new();
        for entry in res.body {
            if let ast::Entry::Message(m) = entry {
                let mut v = BTreeSet::new();
                if let Some(p) = &m.value {
                    vars(p, &mut v);
                }
                for a in &m.attributes {
                    vars(&a.value, &mut v);
                }
                assert!(
                    out.insert(m.id.name.to_string(), v).is_none(),
                    "{} twice in {}.ftl",
                    m.id.name,
                    lang.code()
                );
            }
        }
        out
    }

    #[test]
    fn every_message_is_in_every_language_with_the_same_placeholders() {
        let all: Vec<(Lang, BTreeMap<String, BTreeSet<String>>)> = CATALOGUES
            .iter()
            .map(|(l, t)| (*l, catalogue(*l, t)))
            .collect();
        let (_, nb) = &all[0];
        for (lang, other) in &all[1..] {
            for (id, v) in nb {
                let Some(ov) = other.get(id) else {
                    panic!("{id} is missing in {}.ftl", lang.code());
                };
                assert_eq!(v, ov, "{id}: placeholders differ in {}.ftl", lang.code());
            }
            for id in other.keys() {
                assert!(
                    nb.contains_key(id),
                    "{id} is in {}.ftl but not nb.ftl",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn every_message_the_code_uses_exists() {
        // tr!(lang, "id" …) in the source, and the ids built from names.
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![src];
        let mut used = BTreeSet::new();
        while let Some(p) = files.pop() {
            if p.is_dir() {
                files.extend(std::fs::read_dir(&p).unwrap().flatten().map(|e| e.path()));
                continue;
            }
            if p.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            let mut rest = text.as_str();
            while let Some(i) = rest.find("tr!(") {
                rest = &rest[i + 4..];
                // Skip the language argument, then read the id if it is a literal.
                let Some(comma) = rest.find(',') else { break };
                let after = rest[comma + 1..].trim_start();
                if let Some(lit) = after.strip_prefix('"') {
                    if let Some(end) = lit.find('"') {
                        used.insert(lit[..end].to_string());
                    }
                }
            }
        }
        for k in crate::source::SourceKind::ALL {
            used.insert(k.message_id().to_string());
        }
        for by in ["config", "name", "headers"] {
            used.insert(format!("validate-detected-{by}"));
        }
        for role in ["extra", "duplicate", "question"] {
            used.insert(format!("validate-role-{role}"));
        }
        used.insert("project-folder-missing".into());
        used.insert("project-not-a-folder".into());
        used.remove("no-such-message");
        used.remove("id"); // the macro's own documentation
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            for id in &used {
                assert!(
                    has(lang, id),
                    "{id} is used in the code but missing in {}.ftl",
                    lang.code()
                );
            }
        }
        assert!(used.len() > 100, "the scan found only {} ids", used.len());
    }
}
