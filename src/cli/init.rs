//! `ikrapport init <folder>`.

use super::Ctx;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Mappa som skal lages (finnes den, skrives bare filer som mangler).
    pub folder: PathBuf,
}

pub fn run(a: Args, ctx: &Ctx) -> ikrapport::Result<i32> {
    let (written, skipped) = ikrapport::init::init(&a.folder)?;
    if !ctx.quiet {
        let lang = ctx.lang.unwrap_or_default();
        for p in &written {
            println!("{} {}", lang.pick("Skrev", "Skreiv", "Wrote"), p.display());
        }
        for p in &skipped {
            println!(
                "{} {} ({})",
                lang.pick("Hoppet over", "Hoppa over", "Skipped"),
                p.display(),
                lang.pick("finnes fra før", "finst frå før", "already exists")
            );
        }
        println!(
            "{} ikrapport validate {}",
            lang.pick(
                "Neste steg: legg inn egne eksporter i mappa og kjør",
                "Neste steg: legg eigne eksportar i mappa og køyr",
                "Next: put your own exports in the folder and run"
            ),
            a.folder.display()
        );
    }
    Ok(0)
}
