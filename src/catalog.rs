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

    pub fn contains(&self, name: &str) -> bool {
        self.tables.contains_key(name)
    }

    pub fn names(&self) -> impl Iterator<Item = &String> {
        self.tables.keys()
    }

    /// Run a SQL query over every table. `label` names the query in errors.
    pub fn sql(&self, query: &str, label: &str, lang: Lang) -> Result<DataFrame> {
        quiet_deprecations();
        let mut ctx = SQLContext::new();
        for (name, df) in &self.tables {
            ctx.register(name, df.clone().lazy());
        }
        let fail = |e: PolarsError| {
            let why = e.to_string().lines().next().unwrap_or("").to_string();
            Error::Query(match lang {
                Lang::En => format!("The query {label} failed: {why}"),
                Lang::Nn => format!("Spørjinga {label} feila: {why}"),
                Lang::Nb => format!("Spørringen {label} feilet: {why}"),
            })
        };
        // polars can panic on SQL it accepts but cannot plan (a user's query must never
        // crash the program): turn that into an error naming the query.
        let run = std::panic::AssertUnwindSafe(|| ctx.execute(query).and_then(|lf| lf.collect()));
        match std::panic::catch_unwind(run) {
            Ok(r) => r.map_err(fail),
            Err(payload) => {
                let why = panic_message(&payload);
                Err(Error::Query(match lang {
                    Lang::En => format!("The query {label} could not be run (polars: {why})"),
                    Lang::Nn => format!("Spørjinga {label} kunne ikkje køyrast (polars: {why})"),
                    Lang::Nb => format!("Spørringen {label} kunne ikke kjøres (polars: {why})"),
                }))
            }
        }
    }
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
        "ukjent feil".into()
    }
}
