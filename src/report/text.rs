//! The sentences that open each section (03-report.md, "Text"), made by a minijinja
//! template in the report definition from the figures. The template decides what to say
//! (level, change, what to be careful about); the words come from the message catalogue
//! in the report language via `t("id", name=value)`, numbers written the language's way.
//!
//! Templates read the tables after disclosure control: a hidden value is `none`, so no
//! sentence can reveal a group the tables do not show. The output is plain text;
//! renderers escape it. Undefined names are errors (strict), so a typo in a template is
//! reported, not printed as nothing.

use super::privacy::Masked;
use crate::i18n::{FluentArgs, Lang};
use minijinja::value::{Kwargs, Value, ValueKind};
use minijinja::{Environment, Error as JError, ErrorKind, UndefinedBehavior};
use polars::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The rows of every result table as template values.
pub type Rows = Arc<BTreeMap<String, Vec<BTreeMap<String, Value>>>>;

/// Turn masked tables into template rows (hidden cells are none).
pub fn rows_of(tables: &BTreeMap<String, Masked>) -> Rows {
    let mut out = BTreeMap::new();
    for (name, m) in tables {
        let cols = m.df.columns();
        let mut rows = Vec::with_capacity(m.df.height());
        for i in 0..m.df.height() {
            let mut r = BTreeMap::new();
            for c in cols {
                let v = c.get(i).unwrap_or(AnyValue::Null);
                let v = if m.is_hidden(c.name(), i) {
                    Value::from(())
                } else {
                    to_value(&v)
                };
                r.insert(c.name().to_string(), v);
            }
            rows.push(r);
        }
        out.insert(name.clone(), rows);
    }
    Arc::new(out)
}

fn to_value(v: &AnyValue) -> Value {
    match v {
        AnyValue::Null => Value::from(()),
        AnyValue::Boolean(b) => Value::from(*b),
        AnyValue::String(s) => Value::from(s.to_string()),
        AnyValue::StringOwned(s) => Value::from(s.to_string()),
        AnyValue::Date(d) => Value::from(
            super::format::date_of(*d)
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        ),
        v => match super::format::number(v) {
            Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => Value::from(x as i64),
            Some(x) => Value::from(x),
            None => Value::from(v.to_string()),
        },
    }
}

fn matches(row: &BTreeMap<String, Value>, filters: &Kwargs) -> Result<bool, JError> {
    for k in filters.args() {
        let want: Value = filters.get(k)?;
        let have = row.get(k).cloned().unwrap_or(Value::from(()));
        let same = match (f64::try_from(have.clone()), f64::try_from(want.clone())) {
            (Ok(a), Ok(b)) => a == b,
            _ => have == want,
        };
        if !same {
            return Ok(false);
        }
    }
    Ok(true)
}

fn table<'a>(rows: &'a Rows, name: &str) -> Result<&'a Vec<BTreeMap<String, Value>>, JError> {
    rows.get(name).ok_or_else(|| {
        JError::new(
            ErrorKind::InvalidOperation,
            format!("unknown table «{name}»"),
        )
    })
}

/// A catalogue message argument from a template value: whole numbers as numbers (for
/// plurals), other numbers with one decimal, text as text. An argument named like a year
/// (`year`, `prev_year`, `first_year`) is a year: written as text, never `2 025`.
fn fluent_arg(name: &str, v: &Value) -> fluent_bundle::FluentValue<'static> {
    match v.kind() {
        ValueKind::Number => {
            let x = f64::try_from(v.clone()).unwrap_or(0.0);
            if name.ends_with("year") && x.fract() == 0.0 {
                crate::i18n::arg((x as i64).to_string())
            } else if x.fract() == 0.0 {
                crate::i18n::arg(x as i64)
            } else {
                crate::i18n::arg(crate::i18n::Dec(x, 1))
            }
        }
        ValueKind::None | ValueKind::Undefined => crate::i18n::arg("–"),
        _ => crate::i18n::arg(v.to_string()),
    }
}

/// The environment for one report: the catalogue, the tables and the formatting filters.
pub fn environment(lang: Lang, rows: Rows) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.add_function(
        "t",
        move |id: String, kwargs: Kwargs| -> Result<String, JError> {
            let mut args = FluentArgs::new();
            for k in kwargs.args() {
                let v: Value = kwargs.get(k)?;
                args.set(k.to_string(), fluent_arg(k, &v));
            }
            if !crate::i18n::has(lang, &id) {
                return Err(JError::new(
                    ErrorKind::InvalidOperation,
                    format!("no message «{id}» in the catalogue"),
                ));
            }
            Ok(crate::i18n::message(lang, &id, Some(&args)))
        },
    );
    let r = rows.clone();
    env.add_function(
        "rows",
        move |name: String, filters: Kwargs| -> Result<Value, JError> {
            let mut out = Vec::new();
            for row in table(&r, &name)? {
                if matches(row, &filters)? {
                    out.push(Value::from_pairs(row.clone()));
                }
            }
            Ok(Value::from(out))
        },
    );
    let r = rows.clone();
    env.add_function(
        "row",
        move |name: String, filters: Kwargs| -> Result<Value, JError> {
            for row in table(&r, &name)? {
                if matches(row, &filters)? {
                    return Ok(Value::from_pairs(row.clone()));
                }
            }
            Ok(Value::from(()))
        },
    );
    let r = rows;
    env.add_function(
        "total",
        move |name: String, column: String, filters: Kwargs| -> Result<Value, JError> {
            let mut sum = 0.0;
            let mut any = false;
            for row in table(&r, &name)? {
                if matches(row, &filters)? {
                    if let Some(v) = row.get(&column).and_then(|v| f64::try_from(v.clone()).ok()) {
                        sum += v;
                        any = true;
                    }
                }
            }
            Ok(if any {
                Value::from(sum)
            } else {
                Value::from(())
            })
        },
    );
    env.add_filter("pct", move |v: Value, d: Option<u32>| -> String {
        match f64::try_from(v) {
            Ok(x) => crate::i18n::num::percent(x, d.unwrap_or(0), lang),
            Err(_) => "–".into(),
        }
    });
    env.add_filter("num", move |v: Value, d: Option<u32>| -> String {
        match f64::try_from(v) {
            Ok(x) => crate::i18n::num::decimal(x, d.unwrap_or(0), lang),
            Err(_) => "–".into(),
        }
    });
    env
}

/// Render a template to paragraphs (split at blank lines; whitespace within a paragraph
/// collapsed, so templates may be laid out freely).
pub fn paragraphs(
    env: &Environment<'static>,
    template: &str,
    ctx: Value,
) -> Result<Vec<String>, JError> {
    let out = env.render_str(template, ctx)?;
    Ok(out
        .split("\n\n")
        // ASCII whitespace only: the non-breaking spaces of `1 234` and `19,6 %` stay.
        .map(|p| {
            p.split(|c: char| c.is_ascii_whitespace())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_read_tables_and_speak_the_catalogue() {
        let df = df!("sector" => ["Hele kommunen", "A"], "reported" => [1234i64, 3]).unwrap();
        let mut t = BTreeMap::new();
        let mut m = Masked::open(df);
        m.hidden.insert("reported".into(), vec![false, true]);
        t.insert("deviation_closure".to_string(), m);
        let env = environment(Lang::Nb, rows_of(&t));
        let p = paragraphs(
            &env,
            "{% set w = row('deviation_closure', sector='Hele kommunen') %}{{ w.reported | num }}\n\n{{ 0.196 | pct(1) }} {{ row('deviation_closure', sector='A').reported is none }}",
            Value::from(()),
        )
        .unwrap();
        assert_eq!(
            p,
            vec!["1\u{a0}234".to_string(), "19,6\u{a0}% True".to_string()]
        );
        let e = paragraphs(&env, "{{ row('deviation_closur') }}", Value::from(())).unwrap_err();
        assert!(e.to_string().contains("deviation_closur"), "{e}");
        let e = paragraphs(&env, "{{ t('no-such') }}", Value::from(())).unwrap_err();
        assert!(e.to_string().contains("no-such"), "{e}");
        let p = paragraphs(&env, "{{ t('summary-files', n=2) }}", Value::from(())).unwrap();
        assert_eq!(p, vec!["2 filer"]);
    }
}
