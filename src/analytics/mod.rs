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
pub mod registry;

use crate::catalog::Catalog;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::ingest::Ingested;
use crate::source::SourceKind;
use chrono::{Datelike, NaiveDate};
use polars::prelude::*;
use registry::{Maker, Registry, TableDef};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The name of the whole-municipality row in every table broken down by sector.
pub const WHOLE: &str = crate::i18n::WHOLE_MUNICIPALITY;

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
    let max = frame::max_date(dev, "reported_date").ok()??;
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
                        if let Some(m) = frame::max_date(df, col)? {
                            latest = Some(latest.map_or(m, |l: NaiveDate| l.max(m)));
                        }
                    }
                }
                match latest {
                    Some(d) if d.month() == 12 => d.year(),
                    Some(d) => d.year() - 1,
                    None => {
                        return Err(Error::Usage(tr!(config.language, "year-no-dates")));
                    }
                }
            }
        };
        for name in config.analytics.indicators.keys() {
            if indicators::indicator(name).is_none() {
                let known = indicators::INDICATORS
                    .iter()
                    .map(|i| i.name)
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(Error::Config {
                    file: PathBuf::from(crate::config::CONFIG_FILE),
                    message: tr!(
                        config.language,
                        "config-unknown-indicator",
                        name = name,
                        known = known
                    ),
                });
            }
        }
        if !(1950..=2100).contains(&year) {
            return Err(Error::Usage(tr!(
                config.language,
                "year-out-of-range",
                year = year.to_string()
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
        // The report year and the one before as date ranges: `reported_date BETWEEN
        // {{year_start}} AND {{year_end}}` compares day numbers, where `EXTRACT(YEAR …)`
        // makes a calendar date of every row first (polars: through chrono, ~30 ms per
        // 1.4 million deviations).
        let jan1 = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(self.as_of);
        let dec31 = |y: i32| NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(self.as_of);
        m.insert("year_start", date(jan1(self.year)));
        m.insert("year_end", date(dec31(self.year)));
        m.insert("prev_year_start", date(jan1(self.year - 1)));
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
    /// Result table names in the order of 02-analytics.md, then the user's own tables,
    /// then `data_quality`.
    pub results: Vec<String>,
    pub params: Params,
    /// Every result table's definition and column metadata.
    pub registry: Registry,
    /// For each result table, the tables it read (lineage for the manifest).
    pub reads: BTreeMap<String, Vec<String>>,
    /// Milliseconds spent on each result table, in computation order.
    pub timings: Vec<(String, u64)>,
}

impl Results {
    /// A table by name (canonical, helper or result). Result tables hold plain text; in
    /// canonical and helper tables repeating text is a polars `Categorical`
    /// (`catalog::dictionary_encoded`): cast it to `String` for string functions.
    /// [`Results::record_batch`] hands every text column over as text.
    pub fn table(&self, name: &str) -> Option<&DataFrame> {
        self.catalog.get(name)
    }

    /// A table as an arrow-rs `RecordBatch` (Arrow C data interface), for programs built
    /// on DataFusion, delta-rs or Lance. Unsuppressed, like [`Results::table`]; the
    /// bundle's tables are the ones after disclosure control.
    pub fn record_batch(&self, name: &str) -> Result<Option<arrow_array::RecordBatch>> {
        self.table(name)
            .map(crate::interop::record_batch)
            .transpose()
    }
}

/// The kommunenummer of rows whose municipality is not known (no column in the file and
/// none in `ikrapport.toml`): not a real number (those run from 0301), so that joins on
/// it still work and the report can tell it apart.
pub const UNKNOWN_KOMMUNENUMMER: &str = "0000";

/// The base catalog: canonical tables (null kommunenummer filled with `0000`, so that
/// joins on it work), `data_quality`, and the helper tables. Canonical and helper tables
/// hold their repeating text as a dictionary (`catalog::dictionary_encoded`);
/// `data_quality` and `input_files` describe files and stay plain text.
pub fn base_catalog(
    data: &Ingested,
    config: &Config,
    params: &Params,
    codebooks: &[crate::ingest::survey::Codebook],
) -> Result<Catalog> {
    let mut cat = Catalog::default();
    for k in SourceKind::ALL {
        let mut df = data.table(k);
        if df.column("kommunenummer").is_ok_and(|c| c.null_count() > 0) {
            df = df
                .lazy()
                .with_column(col("kommunenummer").fill_null(lit(UNKNOWN_KOMMUNENUMMER)))
                .collect()
                .map_err(|e| Error::polars("kommunenummer", e))?;
        }
        cat.insert_encoded(k.table_name(), df)?;
    }
    cat.insert("data_quality", data.data_quality_frame());
    cat.insert("input_files", data.input_files_frame());
    cat.insert_encoded("risk_cells", helpers::risk_cells(config)?)?;
    cat.insert_encoded("survey_questions", helpers::survey_questions(codebooks)?)?;
    let survey = cat.get_or_empty("survey");
    cat.insert_encoded("survey_current", helpers::survey_current(&survey, params)?)?;
    let units = cat.get_or_empty("units");
    cat.insert_encoded("units_current", helpers::units_current(&units, params)?)?;
    let maturity = cat.get_or_empty("maturity");
    cat.insert_encoded("maturity_latest", helpers::maturity_latest(&maturity)?)?;
    Ok(cat)
}

/// The folders whose `*.sql` are read: `./queries`, `<project>/queries`, then `--queries`.
pub fn query_dirs(project_root: &std::path::Path, opts: &Options) -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::from("queries"), queries::dir_of(project_root)];
    dirs.extend(opts.query_dirs.iter().cloned());
    // The same folder twice (running inside the project) is read once.
    dirs.dedup_by(|a, b| {
        a.canonicalize()
            .ok()
            .is_some_and(|x| Some(x) == b.canonicalize().ok())
    });
    dirs
}

/// Compute every result table.
pub fn run(
    project_root: &std::path::Path,
    data: &Ingested,
    config: &Config,
    opts: &Options,
) -> Result<Results> {
    let params = Params::resolve(data, config, opts)?;
    run_with(project_root, data, config, opts, params, &|_, _, _| {})
}

/// Told each result table as soon as it is made (and `data_quality`, `input_files` at
/// the end), with the registry that describes it.
pub type Tap<'a> = &'a dyn Fn(&Registry, &str, &DataFrame);

/// [`run`] with parameters already resolved by [`Params::resolve`] (`ikrapport run`
/// needs them before the analyses, to prepare the bundle's inputs meanwhile), telling
/// `tap` each table as it is made (`ikrapport run` writes the workbook's sheets
/// meanwhile: `bundle::Workbook`).
pub fn run_with(
    project_root: &std::path::Path,
    data: &Ingested,
    config: &Config,
    opts: &Options,
    params: Params,
    tap: Tap,
) -> Result<Results> {
    let lang = config.language;
    let registry = Registry::load(&query_dirs(project_root, opts), lang)?;
    let mut codebooks = data.codebooks.clone();
    if codebooks.is_empty() {
        codebooks.push(crate::ingest::survey::Codebook::default_ros());
    }
    let mut cat = base_catalog(data, config, &params, &codebooks)?;
    let placeholders = params.placeholders(config);

    // The graph: every table the registry makes, with what it reads.
    let nodes: Vec<&TableDef> = registry
        .tables()
        .iter()
        .filter(|t| !matches!(t.maker, Maker::Ingest))
        .collect();
    for t in &nodes {
        if cat.contains(&t.name) {
            return Err(Error::Query(tr!(
                lang,
                "query-builtin-name",
                path = t.label(lang),
                name = t.name.as_str()
            )));
        }
    }
    let is_node = |n: &str| nodes.iter().any(|t| t.name == n);
    let mut deps: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut reads: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut sql_text: BTreeMap<String, String> = BTreeMap::new();
    for t in &nodes {
        let read: Vec<String> = match &t.maker {
            Maker::Sql { sql, .. } => {
                let label = t.label(lang);
                let sql = queries::substitute(sql, &placeholders, &label, lang)?;
                let refs = queries::references(&sql, &label, lang)?;
                for r in &refs {
                    if !is_node(r) && !cat.contains(r) {
                        let known = cat
                            .names()
                            .cloned()
                            .chain(nodes.iter().map(|n| n.name.clone()))
                            .collect::<Vec<_>>()
                            .join(", ");
                        return Err(Error::Query(tr!(
                            lang,
                            "query-unknown-table",
                            label = label,
                            table = r.as_str(),
                            known = known
                        )));
                    }
                }
                sql_text.insert(t.name.clone(), sql);
                refs
            }
            Maker::Rust { reads, .. } => reads.iter().map(|(r, _)| r.to_string()).collect(),
            Maker::Ingest => vec![],
        };
        deps.insert(
            t.name.clone(),
            read.iter().filter(|r| is_node(r)).cloned().collect(),
        );
        reads.insert(t.name.clone(), read);
    }
    let order = queries::topo_order(&deps, lang)?;
    let mut timings = Vec::with_capacity(order.len());
    for name in &order {
        let started = std::time::Instant::now();
        let Some(t) = registry.get(name) else {
            continue;
        };
        let df = match &t.maker {
            Maker::Sql { origin, .. } => {
                let sql = sql_text.get(name).map(String::as_str).unwrap_or("");
                run_sql(&cat, t, origin, sql, &registry, &reads, lang)?
            }
            Maker::Rust { run, .. } => {
                registry::check_reads(t, &cat, &registry, lang)?;
                run(&cat, config, &params)?
            }
            Maker::Ingest => continue,
        };
        check_declared(t, &df, lang)?;
        tap(&registry, name, &df);
        cat.insert(name, df);
        timings.push((name.clone(), started.elapsed().as_millis() as u64));
    }
    let mut results: Vec<String> = registry
        .tables()
        .iter()
        .filter(|t| order.contains(&t.name))
        .map(|t| t.name.clone())
        .collect();
    for t in ["data_quality", "input_files"] {
        if let Some(df) = cat.get(t) {
            tap(&registry, t, df);
        }
        results.push(t.into());
        reads.insert(t.into(), vec![]);
    }
    Ok(Results {
        catalog: cat,
        results,
        params,
        registry,
        reads,
        timings,
    })
}

/// Run one SQL table. The user's own SQL runs guarded (a polars panic becomes a query
/// error naming the file). A built-in query that fails is ours to fix, unless it read a
/// table that the user's own query made: then the user's query is named.
fn run_sql(
    cat: &Catalog,
    t: &TableDef,
    origin: &registry::Origin,
    sql: &str,
    registry: &Registry,
    reads: &BTreeMap<String, Vec<String>>,
    lang: crate::i18n::Lang,
) -> Result<DataFrame> {
    let label = t.label(lang);
    if origin.is_user() {
        return cat.sql_user(sql, &label, t.meta.engine, lang);
    }
    match cat.sql(sql, &label, t.meta.engine, lang) {
        Ok(df) => Ok(df),
        Err(e) => {
            let user_inputs: Vec<String> = reads
                .get(&t.name)
                .into_iter()
                .flatten()
                .filter_map(|r| registry.get(r))
                .filter(|d| d.origin().is_some_and(registry::Origin::is_user))
                .map(|d| d.label(lang))
                .collect();
            if user_inputs.is_empty() {
                Err(Error::Internal(e.to_string()))
            } else {
                Err(Error::Query(tr!(
                    lang,
                    "query-builtin-failed-on-user-table",
                    error = e.to_string(),
                    inputs = user_inputs.join(", ")
                )))
            }
        }
    }
}

/// A user's query that declares a column it does not make has a typo: say so.
fn check_declared(t: &TableDef, df: &DataFrame, lang: crate::i18n::Lang) -> Result<()> {
    let Some(registry::Origin::File(path)) = t.origin() else {
        return Ok(());
    };
    for c in &t.meta.columns {
        if df.column(&c.name).is_err() && c.declared {
            // Metadata kept from the built-in query it replaces is not the user's typo.
            let own = std::fs::read_to_string(path)
                .map(|s| registry::meta_lines(&s).contains(&c.name))
                .unwrap_or(false);
            if own {
                let have = df
                    .get_column_names()
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(Error::Query(tr!(
                    lang,
                    "query-meta-unknown-column",
                    path = path,
                    column = c.name.as_str(),
                    columns = have
                )));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_placeholders_are_the_report_years_dates() {
        let p = Params {
            year: 2024,
            as_of: NaiveDate::from_ymd_opt(2025, 3, 31).unwrap(),
            trend_years: 5,
            risk_top_n: 10,
            survey: None,
            focus: None,
        };
        let m = p.placeholders(&Config::default());
        assert_eq!(m["year"], "2024");
        assert_eq!(m["prev_year"], "2023");
        assert_eq!(m["year_start"], "DATE '2024-01-01'");
        assert_eq!(m["year_end"], "DATE '2024-12-31'");
        assert_eq!(m["prev_year_start"], "DATE '2023-01-01'");
        // `as_of` is its own: a report for 2024 judged at the end of March 2025.
        assert_eq!(m["as_of"], "DATE '2025-03-31'");
    }
}
