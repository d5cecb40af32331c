//! The catalog: named tables (canonical inputs, helper tables and results) and the SQL
//! context over them. One place registers tables for polars SQL, so a user's query sees
//! exactly what the built-in queries see.

use crate::error::{Error, Result};
use crate::i18n::Lang;
use polars::prelude::*;
use polars::sql::SQLContext;
use std::collections::BTreeMap;

/// Named tables.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    tables: BTreeMap<String, DataFrame>,
}

impl Catalog {
    pub fn insert(&mut self, name: &str, df: DataFrame) {
        self.tables.insert(name.to_string(), df);
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
    pub fn sql(&self, query: &str, label: &str, lang: Lang) -> Result<DataFrame> {
        self.context()
            .execute(query)
            .and_then(|lf| lf.collect())
            .map_err(|e| {
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
    pub fn sql_user(&self, query: &str, label: &str, lang: Lang) -> Result<DataFrame> {
        let run = std::panic::AssertUnwindSafe(|| self.sql(query, label, lang));
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

    fn context(&self) -> SQLContext {
        quiet_deprecations();
        let ctx = SQLContext::new();
        for (name, df) in &self.tables {
            ctx.register(name, df.clone().lazy());
        }
        ctx
    }
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
