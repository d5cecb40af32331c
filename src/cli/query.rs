//! `ikrapport query [folder] "SELECT …"` or `--file queries/x.sql`: run SQL over the
//! canonical tables, helper tables and every result, and print it as an aligned table,
//! CSV or JSON. The analyst's escape hatch.

use super::Ctx;
use ikrapport::{analytics, tr};
use polars::prelude::*;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Prosjektmappa (standard sample-data) og/eller SQL-spørringen. Er det bare ett
    /// argument, er det spørringen.
    #[arg(num_args = 0..=2)]
    pub args: Vec<String>,
    /// Les spørringen fra en fil (f.eks. queries/deviation_counts.sql).
    #[arg(long)]
    pub file: Option<PathBuf>,
    /// Utformat: table, csv eller json.
    #[arg(long, default_value = "table", value_parser = ["table", "csv", "json"])]
    pub format: String,
    /// Rapportår (standard: siste hele år i dataene).
    #[arg(long)]
    pub year: Option<i32>,
    /// Datoen «åpen» og «forfalt» vurderes mot (standard 31.12. i rapportåret).
    #[arg(long)]
    pub as_of: Option<String>,
    /// Flere mapper med *.sql.
    #[arg(long)]
    pub queries: Vec<PathBuf>,
    /// Maks antall rader i tabellvisning.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

pub fn run(a: Args, ctx: &Ctx) -> ikrapport::Result<i32> {
    let (folder, sql_arg) = match (a.args.len(), &a.file) {
        (2, _) => (PathBuf::from(&a.args[0]), Some(a.args[1].clone())),
        (1, Some(_)) => (PathBuf::from(&a.args[0]), None),
        (1, None) => (PathBuf::from("sample-data"), Some(a.args[0].clone())),
        (_, _) => (PathBuf::from("sample-data"), None),
    };
    let lang = ctx.lang();
    let usage = |id: &str| ikrapport::Error::Usage(tr!(lang, id));
    let (sql, label) = match (sql_arg, &a.file) {
        (Some(s), None) => (s, format!("«{}»", tr!(lang, "query-command-line"))),
        (None, Some(f)) => (
            std::fs::read_to_string(f).map_err(|e| ikrapport::Error::Input {
                message: tr!(lang, "query-file-unreadable", path = f, why = e.to_string()),
                path: f.clone(),
            })?,
            format!("«{}»", f.display()),
        ),
        (Some(_), Some(_)) => return Err(usage("query-both")),
        (None, None) => return Err(usage("query-none")),
    };
    let project = ctx.project(&folder)?;
    let data = project.ingest_checked(false)?;
    let opts = analytics::Options {
        year: a.year,
        as_of: a
            .as_of
            .as_deref()
            .map(|d| super::run::parse_as_of(d, lang))
            .transpose()?,
        query_dirs: a.queries.clone(),
        ..Default::default()
    };
    let results = analytics::run(&project.root, &data, &project.config, &opts)?;
    if ctx.verbose {
        super::print_timings(&data.files, &results.timings);
    }
    let sql = analytics::queries::substitute(
        &sql,
        &results.params.placeholders(&project.config),
        &label,
        project.config.language,
    )?;
    let mut df = results
        .catalog
        .sql_user(&sql, &label, project.config.language)?;
    match a.format.as_str() {
        "csv" => {
            let mut out = std::io::stdout();
            CsvWriter::new(&mut out)
                .finish(&mut df)
                .map_err(|e| ikrapport::Error::Internal(format!("CSV: {e}")))?;
        }
        "json" => println!("{}", to_json(&df)?),
        _ => print!("{}", table(&df, a.limit, project.config.language)?),
    }
    Ok(0)
}

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

/// An aligned text table.
pub fn table(df: &DataFrame, limit: usize, lang: ikrapport::Lang) -> ikrapport::Result<String> {
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
    Ok(out)
}

/// The rows as a JSON array of objects, keys in column order.
fn to_json(df: &DataFrame) -> ikrapport::Result<String> {
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
    Ok(out)
}
