//! `ikrapport run [folder]`: the whole pipeline. Until the report bundle lands it ingests,
//! stops on unusable files (and, with `--strict`, on rejected rows), and prints the
//! validation summary per source.

use super::{Ctx, num};
use ikrapport::SourceKind;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Prosjektmappa.
    #[arg(default_value = "sample-data")]
    pub folder: PathBuf,
    /// Avslutt med feilkode når en rad er avvist.
    #[arg(long)]
    pub strict: bool,
}

pub fn run(a: Args, ctx: &Ctx) -> ikrapport::Result<i32> {
    let project = ctx.project(&a.folder)?;
    let data = project.ingest_checked(a.strict)?;
    if !ctx.quiet {
        let lang = project.config.language;
        println!(
            "{} {}",
            lang.pick("Prosjekt:", "Prosjekt:", "Project:"),
            a.folder.display()
        );
        for k in SourceKind::ALL {
            if let Some(df) = data.tables.get(&k) {
                println!(
                    "  {:<22} {:>10} {}",
                    k.table_name(),
                    num(df.height()),
                    lang.pick("rader", "rader", "rows")
                );
            }
        }
        println!(
            "  {:<22} {:>10} {}",
            "data_quality",
            num(data.data_quality.len()),
            lang.pick(
                "rader (se ikrapport validate)",
                "rader (sjå ikrapport validate)",
                "rows (see ikrapport validate)"
            )
        );
    }
    Ok(0)
}
