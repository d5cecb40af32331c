//! Analytics: every result table of `../shared/spec/02-analytics.md`, computed for a
//! report year and an `as_of` date from the canonical tables.
//!
//! Results that SQL expresses are `queries/<name>.sql` (see `queries`); the statistics and
//! the tables that need calendars or ranking are Rust (`deviations`, `indicators`). Both
//! kinds are nodes of one dependency graph, checked for missing and circular references
//! before anything runs, then computed in order into the catalog.

pub mod deviations;
pub mod frame;
pub mod helpers;
pub mod indicators;
pub mod queries;

use crate::catalog::Catalog;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::ingest::Ingested;
use crate::ingest::schema::SourceKind;
use chrono::{Datelike, NaiveDate};
use polars::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The name of the whole-municipality row in every table broken down by sector.
pub const WHOLE: &str = "Hele kommunen";

/// Parameters of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub year: i32,
    pub as_of: NaiveDate,
    pub trend_years: i64,
    pub risk_top_n: i64,
    /// Survey name to analyse (`--survey`); default the latest wave.
    pub survey: Option<String>,
    /// Focal municipality for benchmark charts (`--focus`).
    pub focus: Option<String>,
}

/// What the caller may set; the rest comes from the data and the config.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub year: Option<i32>,
    pub as_of: Option<NaiveDate>,
    pub survey: Option<String>,
    pub focus: Option<String>,
    /// Extra folders of `*.sql` (after `./queries` and `<project>/queries`).
    pub query_dirs: Vec<PathBuf>,
}

/// The report year by default: the last complete calendar year of the deviations (a year
/// whose December has reports), else the year before the latest date anywhere.
pub fn default_year(data: &Ingested) -> Option<i32> {
    let dev = data.tables.get(&SourceKind::Deviations)?;
    let d = frame::dates(dev, "reported_date").ok()?;
    let max = d.into_iter().flatten().max()?;
    Some(if max.month() == 12 {
        max.year()
    } else {
        max.year() - 1
    })
}

impl Params {
    pub fn resolve(data: &Ingested, config: &Config, opts: &Options) -> Result<Params> {
        let year = match opts.year.or_else(|| default_year(data)) {
            Some(y) => y,
            None => {
                // No deviations: the last complete year before the latest date in any table.
                let mut latest: Option<NaiveDate> = None;
                for (k, col) in [
                    (SourceKind::Risks, "assessed_date"),
                    (SourceKind::Inspections, "date"),
                    (SourceKind::Maturity, "assessed_date"),
                    (SourceKind::Survey, "submitted_date"),
                ] {
                    if let Some(df) = data.tables.get(&k) {
                        if let Some(m) = frame::dates(df, col)?.into_iter().flatten().max() {
                            latest = Some(latest.map_or(m, |l: NaiveDate| l.max(m)));
                        }
                    }
                }
                match latest {
                    Some(d) if d.month() == 12 => d.year(),
                    Some(d) => d.year() - 1,
                    None => {
                        return Err(Error::Usage(
                            config
                                .language
                                .pick(
                                    "Fant ingen datoer å velge rapportår fra. Oppgi året med --year.",
                                    "Fann ingen datoar å velje rapportår frå. Oppgje året med --year.",
                                    "Found no dates to choose the report year from. Give the year with --year.",
                                )
                                .into(),
                        ));
                    }
                }
            }
        };
        for name in config.analytics.indicators.keys() {
            if !indicators::INDICATORS.iter().any(|(n, _, _)| n == name) {
                let known = indicators::INDICATORS
                    .iter()
                    .map(|i| i.0)
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(Error::Config {
                    file: PathBuf::from(crate::config::CONFIG_FILE),
                    message: match config.language {
                        crate::i18n::Lang::En => format!(
                            "ikrapport.toml: [analytics.indicators.{name}] is not an indicator. Known indicators: {known}."
                        ),
                        crate::i18n::Lang::Nn => format!(
                            "ikrapport.toml: [analytics.indicators.{name}] er ikkje ein indikator. Kjende indikatorar: {known}."
                        ),
                        crate::i18n::Lang::Nb => format!(
                            "ikrapport.toml: [analytics.indicators.{name}] er ikke en indikator. Kjente indikatorer: {known}."
                        ),
                    },
                });
            }
        }
        if !(1950..=2100).contains(&year) {
            return Err(Error::Usage(format!(
                "--year {year} {} 1950–2100",
                config
                    .language
                    .pick("er utenfor", "er utanfor", "is outside")
            )));
        }
        let as_of = opts
            .as_of
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(year, 12, 31).expect("31 December exists"));
        Ok(Params {
            year,
            as_of,
            trend_years: config.analytics.trend_years.max(1),
            risk_top_n: config.analytics.risk_top_n.max(1),
            survey: opts.survey.clone(),
            focus: opts.focus.clone(),
        })
    }

    /// The placeholders a query may use (`queries/README.md`).
    pub fn placeholders(&self, config: &Config) -> BTreeMap<&'static str, String> {
        let date = |d: NaiveDate| format!("DATE '{}'", d.format("%Y-%m-%d"));
        let minus_12m = self
            .as_of
            .checked_sub_months(chrono::Months::new(12))
            .unwrap_or(self.as_of);
        let mut m = BTreeMap::new();
        m.insert("year", self.year.to_string());
        m.insert("prev_year", (self.year - 1).to_string());
        m.insert(
            "trend_first_year",
            (self.year - self.trend_years as i32 + 1).to_string(),
        );
        m.insert("as_of", date(self.as_of));
        m.insert("as_of_minus_12m", date(minus_12m));
        m.insert(
            "measure_threshold",
            config.risk.measure_threshold.to_string(),
        );
        m.insert(
            "law_breach_requires_measure",
            if config.risk.law_breach_requires_measure {
                "TRUE"
            } else {
                "FALSE"
            }
            .into(),
        );
        m.insert("green_max", config.risk.green_max.to_string());
        m.insert("yellow_max", config.risk.yellow_max.to_string());
        m.insert("scale_max", config.scale_max.to_string());
        m.insert("risk_top_n", self.risk_top_n.to_string());
        m.insert(
            "disclosure_threshold",
            config.disclosure_threshold.to_string(),
        );
        m
    }
}

/// The results of a run: every table by name, in the order computed.
#[derive(Debug, Clone)]
pub struct Results {
    pub catalog: Catalog,
    /// Result table names in the order of 02-analytics.md.
    pub results: Vec<String>,
    pub params: Params,
    /// Milliseconds spent on each result table, in computation order.
    pub timings: Vec<(String, u64)>,
}

impl Results {
    /// A table by name (canonical, helper or result).
    pub fn table(&self, name: &str) -> Option<&DataFrame> {
        self.catalog.get(name)
    }
}

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
];

/// The Rust analyses and what they read.
const RUST_NODES: &[(&str, &[&str])] = &[
    ("deviation_monthly", &["deviations"]),
    ("deviation_spc", &["deviations", "units_current"]),
    ("deviation_trend", &["deviations"]),
    (
        "maturity_indicators",
        &[
            "ros_coverage_register",
            "risk_by_sector",
            "deviation_closure",
            "deviation_counts",
            "ros_survey_likert",
            "inspections",
        ],
    ),
    (
        "benchmark",
        &["maturity_indicators", "deviations", "municipalities"],
    ),
];

/// The base catalog: canonical tables (null kommunenummer filled with `0000`, so that
/// joins on it work), `data_quality`, and the helper tables.
pub fn base_catalog(
    data: &Ingested,
    config: &Config,
    params: &Params,
    codebooks: &[crate::ingest::survey::Codebook],
) -> Result<Catalog> {
    let mut cat = Catalog::default();
    for k in SourceKind::ALL {
        let mut df = data.table(k);
        if let Ok(c) = df.column("kommunenummer") {
            if c.null_count() > 0 {
                let v: Vec<Option<String>> = frame::strs(&df, "kommunenummer")?
                    .into_iter()
                    .map(|x| Some(x.unwrap_or_else(|| "0000".into())))
                    .collect();
                df.with_column(Column::new("kommunenummer".into(), v))
                    .map_err(|e| Error::polars("kommunenummer", e))?;
            }
        }
        cat.insert(k.table_name(), df);
    }
    cat.insert("data_quality", data.data_quality_frame());
    cat.insert("risk_cells", helpers::risk_cells(config)?);
    cat.insert("survey_questions", helpers::survey_questions(codebooks)?);
    let survey = cat.get("survey").cloned().unwrap_or_default();
    cat.insert("survey_current", helpers::survey_current(&survey, params)?);
    let units = cat.get("units").cloned().unwrap_or_default();
    cat.insert("units_current", helpers::units_current(&units, params)?);
    let maturity = cat.get("maturity").cloned().unwrap_or_default();
    cat.insert("maturity_latest", helpers::maturity_latest(&maturity)?);
    Ok(cat)
}

/// Compute every result table.
pub fn run(
    project_root: &std::path::Path,
    data: &Ingested,
    config: &Config,
    opts: &Options,
) -> Result<Results> {
    let params = Params::resolve(data, config, opts)?;
    let mut dirs = vec![PathBuf::from("queries"), queries::dir_of(project_root)];
    dirs.extend(opts.query_dirs.iter().cloned());
    // The same folder twice (running inside the project) is read once.
    dirs.dedup_by(|a, b| {
        a.canonicalize()
            .ok()
            .is_some_and(|x| Some(x) == b.canonicalize().ok())
    });
    let lang = config.language;
    let qs = queries::load(&dirs, lang)?;
    let mut codebooks = data.codebooks.clone();
    if codebooks.is_empty() {
        codebooks.push(crate::ingest::survey::Codebook::default_ros());
    }
    let mut cat = base_catalog(data, config, &params, &codebooks)?;
    let placeholders = params.placeholders(config);

    // The graph: SQL nodes and Rust nodes, with what each reads.
    let mut deps: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut sql_text: BTreeMap<String, (String, String)> = BTreeMap::new();
    let rust: BTreeMap<&str, &[&str]> = RUST_NODES.iter().copied().collect();
    for q in &qs {
        if rust.contains_key(q.name.as_str()) || cat.contains(&q.name) {
            let (o, n) = (&q.origin, &q.name);
            return Err(Error::Query(match lang {
                crate::i18n::Lang::En => format!(
                    "The query file {o} has the name of a built-in table ({n}). Give it another name."
                ),
                crate::i18n::Lang::Nn => format!(
                    "Spørjefila {o} har same namn som ein innebygd tabell ({n}). Gje ho eit anna namn."
                ),
                crate::i18n::Lang::Nb => format!(
                    "Spørrefila {o} har samme navn som en innebygd tabell ({n}). Gi den et annet navn."
                ),
            }));
        }
    }
    let node_names: Vec<String> = qs
        .iter()
        .map(|q| q.name.clone())
        .chain(rust.keys().map(|s| s.to_string()))
        .collect();
    for q in &qs {
        let label = format!("«{}» ({})", q.name, q.origin);
        let sql = queries::substitute(&q.sql, &placeholders, &label, lang)?;
        let refs = queries::references(&sql, &label, lang)?;
        let mut d = Vec::new();
        for r in refs {
            if node_names.contains(&r) {
                d.push(r);
            } else if !cat.contains(&r) {
                let known = cat
                    .names()
                    .cloned()
                    .chain(node_names.iter().cloned())
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(Error::Query(match lang {
                    crate::i18n::Lang::En => format!(
                        "The query {label} reads the table «{r}», which does not exist. Known tables: {known}."
                    ),
                    crate::i18n::Lang::Nn => format!(
                        "Spørjinga {label} les tabellen «{r}», som ikkje finst. Kjende tabellar: {known}."
                    ),
                    crate::i18n::Lang::Nb => format!(
                        "Spørringen {label} leser tabellen «{r}», som ikke finnes. Kjente tabeller: {known}."
                    ),
                }));
            }
        }
        deps.insert(q.name.clone(), d);
        sql_text.insert(q.name.clone(), (sql, label));
    }
    for (name, reads) in &rust {
        deps.insert(
            name.to_string(),
            reads
                .iter()
                .filter(|r| node_names.iter().any(|n| n == *r))
                .map(|r| r.to_string())
                .collect(),
        );
    }
    let order = queries::topo_order(&deps, lang)?;
    let mut timings = Vec::with_capacity(order.len());
    for name in &order {
        let started = std::time::Instant::now();
        let df = if let Some((sql, label)) = sql_text.get(name) {
            cat.sql(sql, label, lang)?
        } else {
            let get = |n: &str| cat.get(n).cloned().unwrap_or_default();
            match name.as_str() {
                "deviation_monthly" => deviations::monthly(&get("deviations"))?,
                "deviation_spc" => deviations::spc(&get("deviations"), &get("units_current"))?,
                "deviation_trend" => deviations::trend(&get("deviations"), &params)?,
                "maturity_indicators" => indicators::maturity_indicators(&cat, config, &params)?,
                "benchmark" => indicators::benchmark(&cat, &params)?,
                other => return Err(Error::Internal(format!("ukjent analyse {other}"))),
            }
        };
        cat.insert(name, df);
        timings.push((name.clone(), started.elapsed().as_millis() as u64));
    }
    let mut results: Vec<String> = SPEC_ORDER
        .iter()
        .filter(|n| order.iter().any(|o| o == *n))
        .map(|n| n.to_string())
        .collect();
    results.extend(
        order
            .into_iter()
            .filter(|o| !SPEC_ORDER.contains(&o.as_str())),
    );
    results.push("data_quality".into());
    Ok(Results {
        catalog: cat,
        results,
        params,
        timings,
    })
}
