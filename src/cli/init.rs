//! `ikrapport init <folder>`.

use super::Ctx;
use ikrapport::tr;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Mappa som skal lages (finnes den, skrives bare filer som mangler).
    pub folder: PathBuf,
}

pub fn run(a: Args, ctx: &Ctx) -> ikrapport::Result<i32> {
    let lang = ctx.lang();
    let (written, skipped) = ikrapport::init::init(&a.folder, lang)?;
    if !ctx.quiet {
        for p in &written {
            println!("{}", tr!(lang, "init-wrote", path = p));
        }
        for p in &skipped {
            println!("{}", tr!(lang, "init-skipped", path = p));
        }
        println!("{}", tr!(lang, "init-next", folder = &a.folder));
    }
    Ok(0)
}
