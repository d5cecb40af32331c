//! The registry of result tables: one entry per table, with its name, how it is made (a
//! SQL file or a Rust function), what it reads, and its columns' metadata: a kind (count,
//! share, mean, days, date, month, rate, score, code, text), a label in every language,
//! and the group size that disclosure control suppresses on (03-report.md, "Privacy").
//! Everything after analytics (CSV/XLSX number formats, the report's headings and
//! suppression) reads this one place.
//!
//! Column metadata is kept beside the query, as dbt keeps column docs beside models: a
//! query file's `--!` lines are a TOML document (`--` is a SQL comment, so DuckDB, Spark
//! and polars all run the file unchanged):
//!
//! ```sql
//! --! title = { nb = "Avvik per enhet", nn = "Avvik per eining", en = "Deviations per unit" }
//! --! [columns]
//! --! unit = "text"
//! --! count = { kind = "count", size = "self", label = { nb = "Antall", nn = "Tal", en = "Count" } }
//! --! share = { kind = "share", size = "respondents" }
//! ```
//!
//! `size = "self"`: the cell counts people or reports and is suppressed when it is below
//! the threshold; `size = "<column>"` (or a list): the cell is shown only when that
//! group's count is not. Without a declaration, a column's kind is inferred from its type
//! and name, and it is never suppressed. Labels of built-in columns come from the message
//! catalogue (`col-<name>`); a user's query may give its own.

use super::{Params, deviations, indicators};
use crate::catalog::{Catalog, QueryEngine};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use polars::prelude::*;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a column holds, which decides its number format and whether it can be
/// suppressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// A whole number of things (reports, respondents, risks): `1 234`.
    Count,
    /// A fraction shown as a percentage: `19,6 %`.
    Share,
    /// An average or other statistic: one decimal.
    Mean,
    /// A number of days: no decimals.
    Days,
    Date,
    /// The first day of a month, shown as the month.
    Month,
    /// A rate (per 100 employees, per 1 000 inhabitants): one decimal.
    Rate,
    /// A score or index (risk score, maturity index): no decimals.
    Score,
    /// An identifier or category value (kommunenummer, year, type): shown as is.
    Code,
    /// A name (sector, unit, category) or other text.
    Text,
}

impl ColumnKind {
    pub const ALL: [(&'static str, ColumnKind); 10] = [
        ("count", ColumnKind::Count),
        ("share", ColumnKind::Share),
        ("mean", ColumnKind::Mean),
        ("days", ColumnKind::Days),
        ("date", ColumnKind::Date),
        ("month", ColumnKind::Month),
        ("rate", ColumnKind::Rate),
        ("score", ColumnKind::Score),
        ("code", ColumnKind::Code),
        ("text", ColumnKind::Text),
    ];

    pub fn parse(s: &str) -> Option<ColumnKind> {
        ColumnKind::ALL
            .iter()
            .find(|(n, _)| *n == s.trim().to_lowercase())
            .map(|(_, k)| *k)
    }

    pub fn name(self) -> &'static str {
        ColumnKind::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map(|(n, _)| *n)
            .unwrap_or("text")
    }

    /// Decimals when rendered.
    pub fn decimals(self) -> u32 {
        match self {
            ColumnKind::Share | ColumnKind::Mean | ColumnKind::Rate => 1,
            _ => 0,
        }
    }

    /// True for kinds that are numbers in a spreadsheet.
    pub fn is_numeric(self) -> bool {
        !matches!(
            self,
            ColumnKind::Code | ColumnKind::Text | ColumnKind::Date | ColumnKind::Month
        )
    }

    /// Guess the kind of an undeclared column from its type and name.
    pub fn infer(name: &str, dtype: &DataType) -> ColumnKind {
        let n = name.to_lowercase();
        match dtype {
            DataType::Date => {
                if n.contains("month") || n.contains("maaned") || n.contains("måned") {
                    ColumnKind::Month
                } else {
                    ColumnKind::Date
                }
            }
            DataType::Datetime(..) => ColumnKind::Date,
            DataType::String | DataType::Boolean => ColumnKind::Text,
            d if d.is_integer() => {
                if n == "year" || n == "aar" || n == "år" || n == "kommunenummer" {
                    ColumnKind::Code
                } else {
                    ColumnKind::Count
                }
            }
            d if d.is_float() => {
                if n.contains("share") || n.contains("andel") || n.contains("coverage") {
                    ColumnKind::Share
                } else if n.contains("days") || n.contains("dager") {
                    ColumnKind::Days
                } else if n.contains("per_") || n.contains("rate") {
                    ColumnKind::Rate
                } else {
                    ColumnKind::Mean
                }
            }
            _ => ColumnKind::Text,
        }
    }
}

/// Which group size a cell is shown for (disclosure control).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Size {
    /// Never suppressed (codes, names, the risk register, which is not about people).
    #[default]
    None,
    /// The cell itself counts people or reports.
    Own,
    /// The cell is a share, mean or change over these groups' counts.
    Columns(Vec<String>),
}

/// A text in every language.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Label {
    Same(String),
    Each { nb: String, nn: String, en: String },
}

impl Label {
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Label::Same(s) => s,
            Label::Each { nb, nn, en } => match lang {
                Lang::Nb => nb,
                Lang::Nn => nn,
                Lang::En => en,
            },
        }
    }
}

/// One column's metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnMeta {
    pub name: String,
    pub kind: ColumnKind,
    pub size: Size,
    /// A label given beside the query; else the catalogue's `col-<name>`.
    pub label: Option<Label>,
    /// Decimals when shown, over the kind's default (a p-value has 3).
    pub decimals: Option<u32>,
    /// False when the kind was inferred (no declaration).
    pub declared: bool,
}

impl ColumnMeta {
    /// A declared column of this kind and size, labelled by the catalogue, with the
    /// kind's decimals.
    pub fn new(name: impl Into<String>, kind: ColumnKind, size: Size) -> ColumnMeta {
        ColumnMeta {
            name: name.into(),
            kind,
            size,
            label: None,
            decimals: None,
            declared: true,
        }
    }

    /// Decimals when shown.
    pub fn decimals(&self) -> u32 {
        self.decimals.unwrap_or(self.kind.decimals())
    }
}

/// The metadata of a table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableMeta {
    pub title: Option<Label>,
    pub columns: Vec<ColumnMeta>,
    /// How polars runs the query (`--! engine = "streaming"`).
    pub engine: QueryEngine,
}

/// A Rust analysis: reads the catalog, returns its table.
pub type RustFn = fn(&Catalog, &Config, &Params) -> Result<DataFrame>;

/// How a table is made.
#[derive(Clone)]
pub enum Maker {
    /// A SQL query (a file of the user's, or compiled in from `queries/`).
    Sql { sql: String, origin: Origin },
    /// A Rust analysis, and the tables and columns it reads.
    Rust {
        run: RustFn,
        reads: &'static [(&'static str, &'static [&'static str])],
    },
    /// Made by ingestion (`data_quality`).
    Ingest,
}

impl std::fmt::Debug for Maker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Maker::Sql { origin, .. } => write!(f, "Sql({origin:?})"),
            Maker::Rust { reads, .. } => write!(f, "Rust(reads {reads:?})"),
            Maker::Ingest => write!(f, "Ingest"),
        }
    }
}

/// Where a query came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    File(PathBuf),
}

impl Origin {
    pub fn is_user(&self) -> bool {
        matches!(self, Origin::File(_))
    }
}

/// One result table.
#[derive(Debug, Clone)]
pub struct TableDef {
    pub name: String,
    pub maker: Maker,
    pub meta: TableMeta,
}

impl TableDef {
    /// The query's origin, for SQL tables.
    pub fn origin(&self) -> Option<&Origin> {
        match &self.maker {
            Maker::Sql { origin, .. } => Some(origin),
            _ => None,
        }
    }

    /// A label naming the table's maker in messages: «name» (file) or «name» (built-in).
    pub fn label(&self, lang: Lang) -> String {
        match self.origin() {
            Some(Origin::File(p)) => format!("«{}» ({})", self.name, p.display()),
            _ => format!("«{}» ({})", self.name, tr!(lang, "origin-builtin")),
        }
    }

    /// The declared metadata of a column.
    pub fn declared(&self, column: &str) -> Option<&ColumnMeta> {
        self.meta.columns.iter().find(|c| c.name == column)
    }
}

macro_rules! sql {
    ($name:literal) => {
        (
            $name,
            Some(include_str!(concat!("../../queries/", $name, ".sql"))),
        )
    };
}

/// The built-in SQL tables, in the order of 02-analytics.md. The files are compiled in,
/// so the installed binary needs no `queries/` folder; a user's file of the same name
/// replaces one.
pub const BUILTIN_SQL: &[(&str, Option<&str>)] = &[
    sql!("deviation_counts"),
    sql!("deviation_yoy"),
    sql!("deviation_closure"),
    sql!("deviation_sources"),
    sql!("deviation_root_causes"),
    sql!("risk_matrix"),
    sql!("risk_by_sector"),
    sql!("risk_by_category"),
    sql!("risk_measures"),
    sql!("risk_top"),
    sql!("ros_coverage_register"),
    sql!("ros_survey_by_sector"),
    sql!("ros_survey_types"),
    sql!("ros_survey_likert"),
    sql!("maturity_self_assessment"),
    sql!("inspections_summary"),
];

/// A built-in Rust table: name, function, what it reads, and its metadata (the same TOML
/// a query file has after `--!`).
struct RustTable {
    name: &'static str,
    run: RustFn,
    reads: &'static [(&'static str, &'static [&'static str])],
    meta: &'static str,
}

const KS: &[&str] = &["kommunenummer", "sector"];

fn run_monthly(cat: &Catalog, _: &Config, _: &Params) -> Result<DataFrame> {
    deviations::monthly(&cat.get_or_empty("deviations"))
}
fn run_spc(cat: &Catalog, c: &Config, _: &Params) -> Result<DataFrame> {
    deviations::spc(
        &cat.get_or_empty("deviation_monthly"),
        &cat.get_or_empty("units_current"),
        c.language,
    )
}
fn run_trend(cat: &Catalog, c: &Config, p: &Params) -> Result<DataFrame> {
    deviations::trend(&cat.get_or_empty("deviations"), p, c.language)
}

const RUST_TABLES: &[RustTable] = &[
    RustTable {
        name: "deviation_monthly",
        run: run_monthly,
        reads: &[("deviations", &["kommunenummer", "sector", "reported_date"])],
        meta: r#"
[columns]
kommunenummer = "code"
month = "month"
sector = "text"
count = { kind = "count", size = "self" }
rolling_12m = { kind = "count", size = "self" }
"#,
    },
    RustTable {
        name: "deviation_spc",
        run: run_spc,
        reads: &[
            (
                "deviation_monthly",
                &["kommunenummer", "sector", "month", "count"],
            ),
            ("units_current", &["kommunenummer", "sector", "employees"]),
        ],
        meta: r#"
[columns]
kommunenummer = "code"
sector = "text"
month = "month"
count = { kind = "count", size = "self" }
exposure = "mean"
rate = { kind = "rate", size = "count", decimals = 4 }
center = { kind = "rate", decimals = 4 }
ucl = { kind = "rate", decimals = 4 }
lcl = { kind = "rate", decimals = 4 }
sigma_z = { kind = "mean", decimals = 2 }
signal = "code"
note = "text"
"#,
    },
    RustTable {
        name: "deviation_trend",
        run: run_trend,
        reads: &[(
            "deviations",
            &["kommunenummer", "sector", "category", "reported_date"],
        )],
        meta: r#"
[columns]
kommunenummer = "code"
sector = "text"
category = "text"
years = "count"
mann_kendall_s = "score"
kendall_tau = { kind = "mean", decimals = 2 }
p_value = { kind = "mean", decimals = 3 }
sens_slope = "rate"
direction = "code"
note = "text"
first_year = "code"
last_year = "code"
"#,
    },
    RustTable {
        name: "maturity_indicators",
        run: indicators::maturity_indicators,
        reads: &[
            (
                "ros_coverage_register",
                &[
                    "kommunenummer",
                    "sector",
                    "analysis_type",
                    "current_coverage",
                ],
            ),
            (
                "risk_by_sector",
                &[
                    "kommunenummer",
                    "sector",
                    "risks",
                    "review_overdue",
                    "needs_measure",
                    "needs_measure_without_measure",
                ],
            ),
            (
                "deviation_closure",
                &[
                    "kommunenummer",
                    "sector",
                    "reported",
                    "closed_within_90d_share",
                ],
            ),
            (
                "deviation_counts",
                &[
                    "kommunenummer",
                    "sector",
                    "year",
                    "type",
                    "count",
                    "per_100_employees",
                ],
            ),
            (
                "ros_survey_likert",
                &["kommunenummer", "sector", "item", "n", "share_agree"],
            ),
            (
                "inspections",
                &["kommunenummer", "sector", "date", "findings", "closed_date"],
            ),
        ],
        meta: indicators::MATURITY_META,
    },
    RustTable {
        name: "benchmark",
        run: indicators::benchmark,
        reads: &[
            ("maturity_indicators", KS),
            ("deviations", &["kommunenummer", "reported_date"]),
            (
                "municipalities",
                &["kommunenummer", "kommune", "innbyggere", "kostra_group"],
            ),
        ],
        meta: indicators::BENCHMARK_META,
    },
];

const INPUT_FILES_META: &str = r#"
[columns]
file = "text"
source = "code"
format = "code"
rows_read = "count"
rows_kept = "count"
rows_rejected = "count"
warnings = "count"
"#;

const DATA_QUALITY_META: &str = r#"
[columns]
file = "text"
sheet = "text"
row = "code"
line = "code"
column = "text"
value = "text"
severity = "code"
reason = "text"
code = "code"
"#;

/// The result tables in the order of 02-analytics.md (users' own tables follow).
pub const SPEC_ORDER: &[&str] = &[
    "deviation_counts",
    "deviation_monthly",
    "deviation_yoy",
    "deviation_closure",
    "deviation_sources",
    "deviation_root_causes",
    "deviation_spc",
    "deviation_trend",
    "risk_matrix",
    "risk_by_sector",
    "risk_by_category",
    "risk_measures",
    "risk_top",
    "ros_coverage_register",
    "ros_survey_by_sector",
    "ros_survey_types",
    "ros_survey_likert",
    "maturity_self_assessment",
    "maturity_indicators",
    "inspections_summary",
    "benchmark",
    "data_quality",
    "input_files",
];

/// All result tables: built-in ones and those of the user's query files.
#[derive(Debug, Clone)]
pub struct Registry {
    tables: Vec<TableDef>,
}

impl Registry {
    /// The built-in tables only.
    pub fn builtin() -> Registry {
        let mut tables = Vec::new();
        for name in SPEC_ORDER {
            let def = if let Some((_, Some(sql))) = BUILTIN_SQL.iter().find(|(n, _)| n == name) {
                TableDef {
                    name: name.to_string(),
                    meta: parse_meta(&meta_lines(sql), Path::new(name), 0, Lang::En)
                        .unwrap_or_default(),
                    maker: Maker::Sql {
                        sql: sql.to_string(),
                        origin: Origin::BuiltIn,
                    },
                }
            } else if let Some(r) = RUST_TABLES.iter().find(|r| r.name == *name) {
                TableDef {
                    name: name.to_string(),
                    meta: parse_meta(r.meta, Path::new(name), 0, Lang::En).unwrap_or_default(),
                    maker: Maker::Rust {
                        run: r.run,
                        reads: r.reads,
                    },
                }
            } else {
                let meta = if *name == "input_files" {
                    INPUT_FILES_META
                } else {
                    DATA_QUALITY_META
                };
                TableDef {
                    name: name.to_string(),
                    meta: parse_meta(meta, Path::new(name), 0, Lang::En).unwrap_or_default(),
                    maker: Maker::Ingest,
                }
            };
            tables.push(def);
        }
        Registry { tables }
    }

    /// The built-in tables, then every `*.sql` of the given folders (later folders replace
    /// earlier queries of the same name). A user's query that replaces a built-in one and
    /// declares no metadata keeps the built-in metadata of the columns it shares.
    pub fn load(dirs: &[PathBuf], lang: Lang) -> Result<Registry> {
        let mut reg = Registry::builtin();
        for dir in dirs {
            if !dir.is_dir() {
                continue;
            }
            let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
                .map_err(|e| Error::Input {
                    message: tr!(
                        lang,
                        "queries-dir-unreadable",
                        path = dir,
                        why = e.to_string()
                    ),
                    path: dir.clone(),
                })?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "sql"))
                .collect();
            files.sort();
            for p in files {
                reg.add_file(&p, lang)?;
            }
        }
        Ok(reg)
    }

    fn add_file(&mut self, p: &Path, lang: Lang) -> Result<()> {
        let name = p
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        if !is_identifier(&name) {
            return Err(Error::Query(tr!(lang, "query-file-name", path = p)));
        }
        let sql = std::fs::read_to_string(p).map_err(|e| Error::Input {
            message: tr!(lang, "query-file-unreadable", path = p, why = e.to_string()),
            path: p.to_path_buf(),
        })?;
        let mut meta = file_meta(&sql, p, lang)?;
        match self.tables.iter_mut().find(|t| t.name == name) {
            Some(t) => match t.maker {
                Maker::Sql { .. } => {
                    // Keep the built-in metadata of shared columns the file does not declare.
                    for c in &t.meta.columns {
                        if !meta.columns.iter().any(|m| m.name == c.name) {
                            meta.columns.push(c.clone());
                        }
                    }
                    if meta.title.is_none() {
                        meta.title = t.meta.title.clone();
                    }
                    t.meta = meta;
                    t.maker = Maker::Sql {
                        sql,
                        origin: Origin::File(p.to_path_buf()),
                    };
                }
                _ => {
                    return Err(Error::Query(tr!(
                        lang,
                        "query-builtin-name",
                        path = p,
                        name = name
                    )));
                }
            },
            None => self.tables.push(TableDef {
                name,
                maker: Maker::Sql {
                    sql,
                    origin: Origin::File(p.to_path_buf()),
                },
                meta,
            }),
        }
        Ok(())
    }

    /// Every table in order.
    pub fn tables(&self) -> &[TableDef] {
        &self.tables
    }

    pub fn get(&self, name: &str) -> Option<&TableDef> {
        self.tables.iter().find(|t| t.name == name)
    }

    /// A column's metadata: declared, else inferred from the frame's type.
    pub fn column(&self, table: &str, df: &DataFrame, column: &str) -> ColumnMeta {
        if let Some(c) = self.get(table).and_then(|t| t.declared(column)) {
            let mut m = c.clone();
            // Without employees the exposure is 1 and the "rate" is the count itself
            // (02-analytics.md, `deviation_spc`): the label says so instead of "per
            // årsverk", and the counts and their centre line and limits are shown as
            // whole numbers and one decimal, not a rate's four.
            if matches!(column, "rate" | "center" | "ucl" | "lcl") && rates_are_counts(df) {
                if column == "rate" && m.label.is_none() {
                    let l = |lang| tr!(lang, "col-rate-count");
                    m.label = Some(Label::Each {
                        nb: l(Lang::Nb),
                        nn: l(Lang::Nn),
                        en: l(Lang::En),
                    });
                }
                m.decimals = Some(u32::from(column != "rate"));
            }
            return m;
        }
        let dtype = df
            .column(column)
            .map(|c| c.dtype().clone())
            .unwrap_or(DataType::String);
        ColumnMeta {
            name: column.to_string(),
            kind: ColumnKind::infer(column, &dtype),
            size: Size::None,
            label: None,
            decimals: None,
            declared: false,
        }
    }

    /// The metadata of every column of a table's frame, in the frame's order.
    pub fn columns_of(&self, table: &str, df: &DataFrame) -> Vec<ColumnMeta> {
        df.get_column_names()
            .iter()
            .map(|n| self.column(table, df, n.as_str()))
            .collect()
    }

    /// The table's title in `lang`.
    pub fn title(&self, table: &str, lang: Lang) -> String {
        if let Some(t) = self.get(table).and_then(|t| t.meta.title.as_ref()) {
            return t.get(lang).to_string();
        }
        // A result table's title, else a canonical input table's source name
        // ("ROS-register" for `risks`), else the name itself.
        for id in [format!("table-{table}"), format!("source-{table}")] {
            if crate::i18n::has(lang, &id) {
                return tr!(lang, &id);
            }
        }
        table.to_string()
    }
}

/// Whether a table's `rate` is a count: it has an `exposure` column and every exposure
/// is 1 or missing (employees unknown for every row), the rule the control chart uses
/// for its axis (`chart::spc`).
fn rates_are_counts(df: &DataFrame) -> bool {
    let (Ok(_), Ok(e)) = (df.column("rate"), df.column("exposure")) else {
        return false;
    };
    let Ok(e) = e.cast(&DataType::Float64) else {
        return false;
    };
    let Ok(e) = e.f64() else {
        return false;
    };
    !e.is_empty() && e.iter().all(|x| x.is_none_or(|x| x == 1.0))
}

/// The label of a column in `lang`: given beside the query, else the catalogue's
/// `col-<name>`, else composed for derived names (`x_status`, `x_pct_rank`), else the name.
pub fn column_label(meta: &ColumnMeta, lang: Lang) -> String {
    if let Some(l) = &meta.label {
        return l.get(lang).to_string();
    }
    label_of(&meta.name, lang)
}

fn label_of(name: &str, lang: Lang) -> String {
    let id = format!("col-{name}");
    if crate::i18n::has(lang, &id) {
        return tr!(lang, &id);
    }
    for (suffix, msg) in [
        ("_pct_rank_kostra", "col-derived-pct-rank-kostra"),
        ("_pct_rank", "col-derived-pct-rank"),
        ("_status", "col-derived-status"),
    ] {
        if let Some(base) = name.strip_suffix(suffix) {
            return tr!(lang, msg, of = label_of(base, lang));
        }
    }
    name.to_string()
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The metadata of a query file's text (its `--!` lines; errors name the file's line).
pub fn file_meta(sql: &str, path: &Path, lang: Lang) -> Result<TableMeta> {
    let first = sql
        .lines()
        .position(|l| l.trim_start().starts_with("--!"))
        .unwrap_or(0);
    parse_meta(&meta_lines(sql), path, first, lang)
}

/// The `--!` lines of a query file, without the marker (a TOML document).
pub fn meta_lines(sql: &str) -> String {
    let mut out = String::new();
    for l in sql.lines() {
        if let Some(rest) = l.trim_start().strip_prefix("--!") {
            out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            out.push('\n');
        }
    }
    out
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaToml {
    title: Option<Label>,
    #[serde(default)]
    engine: QueryEngine,
    #[serde(default)]
    columns: BTreeMap<String, ColToml>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ColToml {
    Kind(String),
    Full(ColFull),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ColFull {
    kind: String,
    size: Option<SizeToml>,
    label: Option<Label>,
    decimals: Option<u32>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum SizeToml {
    One(String),
    Many(Vec<String>),
}

/// Parse metadata TOML. `first_line` is the 0-based line of the file where the `--!`
/// lines start, so that errors name the line the user sees.
pub fn parse_meta(text: &str, file: &Path, first_line: usize, lang: Lang) -> Result<TableMeta> {
    if text.trim().is_empty() {
        return Ok(TableMeta::default());
    }
    let err = |line: usize, why: String| {
        Error::Query(tr!(
            lang,
            "query-meta-invalid",
            path = file,
            line = (first_line + line).to_string(),
            why = why
        ))
    };
    let m: MetaToml = toml::from_str(text).map_err(|e| {
        let line = crate::config::toml_error_line(text, &e);
        err(line, e.message().trim().to_string())
    })?;
    let line_of = |col: &str| {
        text.lines()
            .position(|l| l.trim_start().starts_with(col))
            .map_or(1, |i| i + 1)
    };
    let kinds = ColumnKind::ALL
        .iter()
        .map(|k| k.0)
        .collect::<Vec<_>>()
        .join(", ");
    let mut columns = Vec::new();
    for (name, c) in m.columns {
        let (kind, size, label, decimals) = match c {
            ColToml::Kind(k) => (k, None, None, None),
            ColToml::Full(f) => (f.kind, f.size, f.label, f.decimals),
        };
        let Some(kind) = ColumnKind::parse(&kind) else {
            return Err(err(
                line_of(&name),
                tr!(
                    lang,
                    "query-meta-kind",
                    column = name.as_str(),
                    kind = kind,
                    kinds = kinds.as_str()
                ),
            ));
        };
        let size = match size {
            None => Size::None,
            Some(SizeToml::One(s)) if s == "self" => Size::Own,
            Some(SizeToml::One(s)) => Size::Columns(vec![s]),
            Some(SizeToml::Many(v)) => Size::Columns(v),
        };
        columns.push(ColumnMeta {
            name,
            kind,
            size,
            label,
            decimals,
            declared: true,
        });
    }
    Ok(TableMeta {
        title: m.title,
        columns,
        engine: m.engine,
    })
}

/// Check that a Rust analysis finds the columns it reads. A missing column in a table a
/// user's query made is the user's to fix (a query error naming table and column);
/// anywhere else it is ikrapport's bug.
pub fn check_reads(table: &TableDef, cat: &Catalog, registry: &Registry, lang: Lang) -> Result<()> {
    let Maker::Rust { reads, .. } = &table.maker else {
        return Ok(());
    };
    for (input, cols) in reads.iter() {
        let Some(df) = cat.get(input) else { continue };
        for col in cols.iter() {
            if df.column(col).is_ok() {
                continue;
            }
            let by_user = registry
                .get(input)
                .and_then(|t| t.origin())
                .is_some_and(Origin::is_user);
            return Err(if by_user {
                let made_by = registry
                    .get(input)
                    .map(|t| t.label(lang))
                    .unwrap_or_default();
                Error::Query(tr!(
                    lang,
                    "query-missing-column",
                    table = *input,
                    column = *col,
                    query = made_by,
                    reader = table.name.as_str()
                ))
            } else {
                Error::Internal(format!(
                    "{}: {input}.{col} {}",
                    table.name,
                    tr!(lang, "internal-missing-column")
                ))
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_is_a_count_when_every_exposure_is_one_or_missing() {
        let t = |e: &[Option<f64>]| {
            let df = df!("rate" => vec![Some(3.0); e.len()], "exposure" => e).unwrap();
            rates_are_counts(&df)
        };
        assert!(t(&[Some(1.0), Some(1.0)]));
        assert!(t(&[Some(1.0), None]), "as the control chart reads it");
        assert!(!t(&[Some(1.0), Some(172.3)]), "one sector with employees");
        assert!(!t(&[]));
        let no_exposure = df!("rate" => [3.0]).unwrap();
        assert!(!rates_are_counts(&no_exposure));
    }

    #[test]
    fn every_builtin_has_parsable_metadata() {
        for (name, sql) in BUILTIN_SQL {
            let sql = sql.unwrap_or_default();
            let m = parse_meta(&meta_lines(sql), Path::new(name), 0, Lang::Nb)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!m.columns.is_empty(), "{name} declares no columns");
        }
        for r in RUST_TABLES {
            let m = parse_meta(r.meta, Path::new(r.name), 0, Lang::Nb)
                .unwrap_or_else(|e| panic!("{}: {e}", r.name));
            assert!(!m.columns.is_empty(), "{}", r.name);
        }
        let reg = Registry::builtin();
        assert_eq!(reg.tables().len(), SPEC_ORDER.len());
        let c = reg.get("deviation_closure").unwrap();
        let share = c.declared("closed_share").unwrap();
        assert_eq!(share.kind, ColumnKind::Share);
        assert_eq!(share.size, Size::Columns(vec!["reported".into()]));
        assert_eq!(c.declared("reported").unwrap().size, Size::Own);
    }

    #[test]
    fn metadata_errors_name_file_and_line() {
        let sql = "-- my table\n--! [columns]\n--! n = \"cuont\"\nSELECT 1 AS n";
        let e = parse_meta(&meta_lines(sql), Path::new("queries/x.sql"), 1, Lang::Nb)
            .unwrap_err()
            .to_string();
        assert!(e.contains("queries/x.sql") && e.contains("linje 3"), "{e}");
        assert!(e.contains("«cuont»") && e.contains("count, share"), "{e}");
        let m = parse_meta(
            "title = \"Mine\"\n[columns]\nn = { kind = \"count\", size = \"self\", label = { nb = \"Antall\", nn = \"Tal\", en = \"Count\" } }\n",
            Path::new("x"),
            0,
            Lang::Nb,
        )
        .unwrap();
        assert_eq!(column_label(&m.columns[0], Lang::Nn), "Tal");
        assert_eq!(m.title.unwrap().get(Lang::En), "Mine");
    }

    #[test]
    fn the_engine_is_read_from_the_metadata_and_a_wrong_one_named() {
        let m = parse_meta(
            "engine = \"streaming\"\n[columns]\nn = \"count\"\n",
            Path::new("x"),
            0,
            Lang::Nb,
        )
        .unwrap();
        assert_eq!(m.engine, QueryEngine::Streaming);
        let m = parse_meta("[columns]\nn = \"count\"\n", Path::new("x"), 0, Lang::Nb).unwrap();
        assert_eq!(m.engine, QueryEngine::InMemory);
        let e = parse_meta(
            "engine = \"fast\"\n",
            Path::new("queries/x.sql"),
            4,
            Lang::Nb,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("queries/x.sql") && e.contains("linje 5"), "{e}");
        assert!(e.contains("in-memory") && e.contains("streaming"), "{e}");
        // The large built-in group-bys stream; the standard deviation does not.
        let reg = Registry::builtin();
        for name in ["deviation_counts", "deviation_closure", "risk_by_sector"] {
            assert_eq!(reg.get(name).unwrap().meta.engine, QueryEngine::Streaming);
        }
        assert_eq!(
            reg.get("maturity_self_assessment").unwrap().meta.engine,
            QueryEngine::InMemory
        );
    }

    #[test]
    fn kinds_are_inferred_from_type_and_name() {
        assert_eq!(ColumnKind::infer("n", &DataType::Int64), ColumnKind::Count);
        assert_eq!(
            ColumnKind::infer("year", &DataType::Int32),
            ColumnKind::Code
        );
        assert_eq!(
            ColumnKind::infer("share_x", &DataType::Float64),
            ColumnKind::Share
        );
        assert_eq!(
            ColumnKind::infer("snitt", &DataType::Float64),
            ColumnKind::Mean
        );
        assert_eq!(
            ColumnKind::infer("sector", &DataType::String),
            ColumnKind::Text
        );
    }
}
