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
    // A query file runs on the engine its metadata names, as in `run`.
    let engine = match &a.file {
        Some(f) => analytics::registry::file_meta(&sql, f, project.config.language)?.engine,
        None => ikrapport::catalog::QueryEngine::InMemory,
    };
    let mut df = results
        .catalog
        .sql_user(&sql, &label, engine, project.config.language)?;
    match a.format.as_str() {
        "csv" => {
            let mut out = std::io::stdout();
            CsvWriter::new(&mut out)
                .finish(&mut df)
                .map_err(|e| ikrapport::Error::Internal(format!("CSV: {e}")))?;
        }
        "json" => println!("{}", ikrapport::render::text::json(&df)),
        _ => print!(
            "{}",
            ikrapport::render::text::table(&df, a.limit, project.config.language)
        ),
    }
    Ok(0)
}
