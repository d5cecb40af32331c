//! The catalog: named tables (canonical inputs, helper tables and results) and the SQL
//! context over them. One place registers tables for polars SQL, so a user's query sees
//! exactly what the built-in queries see.
//!
//! Repeating text is held as a dictionary. In the canonical and helper tables, every text
//! column that `is_dictionary_column` names (sector, unit, kommunenummer, category, …: a few
//! hundred values over a million rows) is a polars `Categorical` over one global set of
//! categories: 4 bytes a cell instead of a 16-byte string view, and group-bys and joins on
//! integer keys (the national deviation queries run in about half the time; measured in
//! `benches/README.md`). A column gets this encoding by its name, in every table that has
//! it, so that joins on it always meet the same type. polars sorts and compares these
//! columns by their text, so a query's answer is the same; what it cannot do is apply a
//! string function (`UPPER`, `LIKE`, `LENGTH`) to one or join one with a plain text
//! column. A query that fails on the encoded tables therefore runs again on plain text
//! (`Catalog::sql`), so a user's SQL works exactly as on text, only slower. Every result
//! comes back as plain text: renderers, CSV/XLSX and scripts see `String` columns.

use crate::error::{Error, Result};
use crate::i18n::Lang;
use polars::prelude::*;
use polars::sql::SQLContext;
use std::collections::BTreeMap;

/// How polars runs a query. `streaming` (polars' streaming engine) reads the tables in
/// morsels on every core and keeps one partial result per group, where the in-memory
/// engine materialises every intermediate column over all rows first: on the
/// ten-times-national set (benches/README.md, session 19) the deviation group-bys ran
/// 2.5–4.5 times as fast and held a quarter of the working memory. But the
/// morsels are combined in whatever order the threads finish, so a sum or mean of
/// decimals, or a standard deviation, can differ in its last digit from run to run.
/// A query is marked `streaming` only when its result is the same in any order:
/// counts, sums and means of whole numbers, minimum and maximum, median and quantiles,
/// and a final `ORDER BY` on the table's key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QueryEngine {
    #[default]
    InMemory,
    Streaming,
}

/// Named tables.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    tables: BTreeMap<String, DataFrame>,
}

impl Catalog {
    pub fn insert(&mut self, name: &str, df: DataFrame) {
        self.tables.insert(name.to_string(), df);
    }

    /// Insert a canonical or helper table with its repeating text as a dictionary
    /// (`dictionary_encoded`).
    pub fn insert_encoded(&mut self, name: &str, df: DataFrame) -> Result<()> {
        let df = dictionary_encoded(df).map_err(|e| Error::polars(name.to_string(), e))?;
        self.tables.insert(name.to_string(), df);
        Ok(())
    }

    pub fn get(&self, name: &str) -> Option<&DataFrame> {
        self.tables.get(name)
    }

    /// A table, or an empty frame when there is none (an analysis of missing data is
    /// empty, not an error).
    pub fn get_or_empty(&self, name: &str) -> DataFrame {
        self.tables.get(name).cloned().unwrap_or_default()
    }

    pub fn contains(&self, name: &str) -> bool {
        self.tables.contains_key(name)
    }

    pub fn names(&self) -> impl Iterator<Item = &String> {
        self.tables.keys()
    }

    /// Run a SQL query over every table. `label` names the query in errors. A failure is
    /// an error the caller classifies (the user's query, or a built-in one: ours).
    ///
    /// The query runs on the tables as held (repeating text as a dictionary). Should that
    /// fail, it runs again with every dictionary column as plain text, and a failure
    /// there is the query's own: the user reads the same message as on plain text.
    pub fn sql(
        &self,
        query: &str,
        label: &str,
        engine: QueryEngine,
        lang: Lang,
    ) -> Result<DataFrame> {
        let run = |plain: bool| {
            self.context(plain)
                .execute(query)
                .and_then(|lf| match engine {
                    QueryEngine::InMemory => lf.collect(),
                    QueryEngine::Streaming => lf
                        .collect_with_engine(Engine::Streaming)
                        .map(|r| r.unwrap_single()),
                })
                .and_then(plain_text)
        };
        let result = match run(false) {
            Err(_) if self.tables.values().any(has_dictionary) => run(true),
            r => r,
        };
        result.map_err(|e| {
            Error::Query(tr!(
                lang,
                "query-failed",
                label = label,
                why = first_line(&e)
            ))
        })
    }

    /// Run a user's own SQL (a query file or `ikrapport query`). polars can panic on SQL
    /// it accepts but cannot plan; a user's query must never crash the program, so that
    /// becomes an error naming the query. Built-in queries are not wrapped: a panic there
    /// is ikrapport's bug and is reported as an internal error with its location.
    pub fn sql_user(
        &self,
        query: &str,
        label: &str,
        engine: QueryEngine,
        lang: Lang,
    ) -> Result<DataFrame> {
        let run = std::panic::AssertUnwindSafe(|| self.sql(query, label, engine, lang));
        match std::panic::catch_unwind(run) {
            Ok(r) => r,
            Err(payload) => Err(Error::Query(tr!(
                lang,
                "query-panicked",
                label = label,
                why = panic_message(&payload)
            ))),
        }
    }

    /// The SQL context over every table; with `plain`, dictionary columns are read as
    /// plain text (cast lazily: only the columns a query reads are decoded).
    fn context(&self, plain: bool) -> SQLContext {
        quiet_deprecations();
        let ctx = SQLContext::new();
        for (name, df) in &self.tables {
            let lf = df.clone().lazy();
            let decoded: Vec<Expr> = df
                .columns()
                .iter()
                .filter(|c| plain && is_dictionary(c))
                .map(|c| col(c.name().clone()).cast(DataType::String))
                .collect();
            match decoded.is_empty() {
                true => ctx.register(name, lf),
                false => ctx.register(name, lf.with_columns(decoded)),
            }
        }
        ctx
    }
}

pub use crate::ingest::table::is_dictionary_column;

fn is_dictionary(c: &Column) -> bool {
    matches!(c.dtype(), DataType::Categorical(..))
}

fn has_dictionary(df: &DataFrame) -> bool {
    df.columns().iter().any(is_dictionary)
}

/// `df` with each text column that `is_dictionary_column` names as a `Categorical` over the
/// global categories (a column built as one already is left as it is).
pub fn dictionary_encoded(mut df: DataFrame) -> PolarsResult<DataFrame> {
    let dict = DataType::from_categories(Categories::global());
    let names: Vec<PlSmallStr> = df
        .columns()
        .iter()
        .filter(|c| c.dtype() == &DataType::String && is_dictionary_column(c.name()))
        .map(|c| c.name().clone())
        .collect();
    for n in names {
        let c = df.column(&n)?.cast(&dict)?;
        df.with_column(c)?;
    }
    Ok(df)
}

/// `df` with every dictionary column as plain text (results, exports, the Arrow hand-over).
pub fn plain_text(mut df: DataFrame) -> PolarsResult<DataFrame> {
    let names: Vec<PlSmallStr> = df
        .columns()
        .iter()
        .filter(|c| is_dictionary(c))
        .map(|c| c.name().clone())
        .collect();
    for n in names {
        let c = df.column(&n)?.cast(&DataType::String)?;
        df.with_column(c)?;
    }
    Ok(df)
}

/// The first line of a polars error (the rest is its internal context).
pub fn first_line(e: &PolarsError) -> String {
    e.to_string().lines().next().unwrap_or("").to_string()
}

/// polars prints deprecation notices about its own internals (a `DATE '2025-12-31'`
/// literal is cast from text) to stderr; users cannot act on them, so they are dropped.
/// Other polars warnings still reach stderr.
fn quiet_deprecations() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        polars::error::set_warning_function(|msg, w| {
            if !matches!(w, polars::error::PolarsWarning::Deprecation) {
                eprintln!("{w:?}: {msg}");
            }
        })
    });
}

/// The message of a caught panic.
pub fn panic_message(payload: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.lines().next().unwrap_or("").to_string()
    } else {
        "?".into()
    }
}
