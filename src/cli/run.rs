//! `ikrapport run [folder]`: the whole pipeline as far as it is built: ingest (stopping on
//! unusable files, and with `--strict` on rejected rows), compute every result table,
//! write the canonical tables as Parquet to `<out>/data/`, and print what was made. The
//! rendered bundle (HTML, charts, XLSX) is the next milestone.

use super::{Ctx, num};
use ikrapport::{Error, SourceKind, analytics, tr};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Prosjektmappa.
    #[arg(default_value = "sample-data")]
    pub folder: PathBuf,
    /// Avslutt med feilkode når en rad er avvist.
    #[arg(long)]
    pub strict: bool,
    /// Rapportår (standard: siste hele år i dataene).
    #[arg(long)]
    pub year: Option<i32>,
    /// Datoen «åpen» og «forfalt» vurderes mot (standard 31.12. i rapportåret).
    #[arg(long)]
    pub as_of: Option<String>,
    /// Kommunenummeret som skal framheves i sammenligninger.
    #[arg(long)]
    pub focus: Option<String>,
    /// Navnet på undersøkelsen som skal brukes (standard: siste runde).
    #[arg(long)]
    pub survey: Option<String>,
    /// Flere mapper med *.sql.
    #[arg(long)]
    pub queries: Vec<PathBuf>,
    /// Utmappe (standard out/arsrapport-<år>).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Parse `--as-of` (`2025-12-31` or `31.12.2025`).
pub fn parse_as_of(s: &str, lang: ikrapport::Lang) -> ikrapport::Result<chrono::NaiveDate> {
    ikrapport::ingest::values::parse_date_text(s)
        .map_err(|_| Error::Usage(tr!(lang, "cli-as-of", value = s)))
}

pub fn run(a: Args, ctx: &Ctx) -> ikrapport::Result<i32> {
    let project = ctx.project(&a.folder)?;
    let data = project.ingest_checked(a.strict)?;
    let opts = analytics::Options {
        year: a.year,
        as_of: a
            .as_of
            .as_deref()
            .map(|d| parse_as_of(d, project.config.language))
            .transpose()?,
        survey: a.survey.clone(),
        focus: a.focus.clone(),
        query_dirs: a.queries.clone(),
    };
    let results = analytics::run(&project.root, &data, &project.config, &opts)?;
    if ctx.verbose {
        super::print_timings(&data.files, &results.timings);
    }
    let out = a
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("out/arsrapport-{}", results.params.year)));
    ikrapport::bundle::write_canonical(&out, &results, project.config.language)?;
    if !ctx.quiet {
        let lang = project.config.language;
        let p = &results.params;
        println!(
            "{}",
            tr!(
                lang,
                "run-project",
                folder = &a.folder,
                year = p.year.to_string(),
                as_of = ikrapport::i18n::num::date(p.as_of, lang)
            )
        );
        println!("{}", tr!(lang, "run-inputs"));
        let row = |name: &str, n: usize| {
            println!(
                "  {name:<28} {:>10} {}",
                num(n, lang),
                tr!(lang, "word-rows", n = n)
            )
        };
        for k in SourceKind::ALL {
            if let Some(df) = data.tables.get(&k) {
                row(k.table_name(), df.height());
            }
        }
        println!("{}", tr!(lang, "run-results"));
        for name in &results.results {
            row(name, results.table(name).map_or(0, |d| d.height()));
        }
        println!("{}", tr!(lang, "run-canonical", path = out.join("data")));
        println!("{}", tr!(lang, "run-look"));
    }
    Ok(0)
}
