//! Tables for the terminal (`ikrapport query`): aligned columns, numbers right-aligned,
//! long cells cut at 40 characters, and how many rows were left out.

use crate::i18n::Lang;
use polars::prelude::*;

fn cell(c: &Column, i: usize) -> String {
    match c.get(i) {
        Ok(AnyValue::Null) | Err(_) => String::new(),
        Ok(AnyValue::Float64(f)) => trim_float(f),
        Ok(AnyValue::Float32(f)) => trim_float(f as f64),
        Ok(AnyValue::String(s)) => s.to_string(),
        Ok(AnyValue::StringOwned(s)) => s.to_string(),
        Ok(v) => v.to_string(),
    }
}

fn trim_float(f: f64) -> String {
    let s = format!("{f:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// An aligned text table of at most `limit` rows.
pub fn table(df: &DataFrame, limit: usize, lang: Lang) -> String {
    let cols = df.columns();
    let n = df.height().min(limit);
    let mut grid: Vec<Vec<String>> = vec![cols.iter().map(|c| c.name().to_string()).collect()];
    for i in 0..n {
        grid.push(cols.iter().map(|c| cell(c, i).replace('\n', " ")).collect());
    }
    let widths: Vec<usize> = (0..cols.len())
        .map(|j| {
            grid.iter()
                .map(|r| r[j].chars().count())
                .max()
                .unwrap_or(0)
                .min(40)
        })
        .collect();
    let numeric: Vec<bool> = cols
        .iter()
        .map(|c| c.dtype().is_primitive_numeric())
        .collect();
    let mut out = String::new();
    for (r, row) in grid.iter().enumerate() {
        let line: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(j, v)| {
                let v: String = v.chars().take(40).collect();
                if numeric[j] && r > 0 {
                    format!("{v:>w$}", w = widths[j])
                } else {
                    format!("{v:<w$}", w = widths[j])
                }
            })
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
        if r == 0 {
            out.push_str(
                &widths
                    .iter()
                    .map(|w| "-".repeat(*w))
                    .collect::<Vec<_>>()
                    .join("  "),
            );
            out.push('\n');
        }
    }
    if df.height() > n {
        out.push_str(&tr!(lang, "query-more-rows", n = df.height() - n));
        out.push('\n');
    }
    out.push_str(&format!(
        "({})\n",
        tr!(lang, "word-rows-n", n = df.height())
    ));
    out
}

/// The rows as a JSON array of objects, keys in column order.
pub fn json(df: &DataFrame) -> String {
    let cols = df.columns();
    let key = |c: &Column| serde_json::to_string(c.name().as_str()).unwrap_or_default();
    let mut out = String::from("[");
    for i in 0..df.height() {
        let fields: Vec<String> =
            cols.iter()
                .map(|c| {
                    let v = match c.get(i) {
                        Ok(AnyValue::Null) | Err(_) => serde_json::Value::Null,
                        Ok(AnyValue::Boolean(b)) => b.into(),
                        Ok(AnyValue::Float64(f)) => serde_json::Number::from_f64(f)
                            .map_or(serde_json::Value::Null, Into::into),
                        Ok(AnyValue::Int64(x)) => x.into(),
                        Ok(AnyValue::Int32(x)) => x.into(),
                        Ok(AnyValue::UInt32(x)) => x.into(),
                        Ok(AnyValue::UInt64(x)) => x.into(),
                        Ok(AnyValue::String(s)) => s.into(),
                        Ok(AnyValue::StringOwned(s)) => s.to_string().into(),
                        Ok(v) => v.to_string().trim_matches('"').to_string().into(),
                    };
                    format!("{}: {}", key(c), v)
                })
                .collect();
        out.push_str(if i == 0 { "\n  {" } else { ",\n  {" });
        out.push_str(&fields.join(", "));
        out.push('}');
    }
    out.push_str(if df.height() == 0 { "]" } else { "\n]" });
    out
}
