//! `ikrapport generate`.

use super::Ctx;
use ikrapport::generate::{Options, Profile, generate};
use ikrapport::tr;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Mappa dataene skrives til.
    #[arg(long, short, default_value = "generated")]
    pub out: PathBuf,
    /// kommune (én kommune, ~100 000 innbyggere), national (mange kommuner) eller
    /// national-x10 (de samme kommunene ti ganger, for belastningstest).
    #[arg(long, default_value = "kommune", value_parser = ["kommune", "national", "national-x10"])]
    pub profile: String,
    /// Frø for tilfeldige tall: samme frø gir samme filer, byte for byte.
    #[arg(long, default_value_t = 2025)]
    pub seed: u64,
    /// Antall kommuner (national).
    #[arg(long, default_value_t = 357)]
    pub municipalities: usize,
    /// Antall år med avvik og tilsyn.
    #[arg(long, default_value_t = 5)]
    pub years: i32,
    /// Siste år i dataene.
    #[arg(long, default_value_t = 2025)]
    pub last_year: i32,
    /// Folketall (kommune; standard 100 000), eller største folketall blant de oppdiktede
    /// kommunene (national; standard 120 000).
    #[arg(long)]
    pub population: Option<u64>,
    /// CSV med kommunenummer, kommune, fylke og innbyggere å hente navn og folketall fra
    /// (national), f.eks. ../shared/reference/municipalities-2025.csv.
    #[arg(long)]
    pub reference: Option<PathBuf>,
}

pub fn run(a: Args, ctx: &Ctx) -> ikrapport::Result<i32> {
    let opts = Options {
        profile: match a.profile.as_str() {
            "national" => Profile::National,
            "national-x10" => Profile::NationalX10,
            _ => Profile::Kommune,
        },
        seed: a.seed,
        municipalities: a.municipalities,
        years: a.years,
        last_year: a.last_year,
        reference: a.reference,
        lang: ctx.lang(),
        population: a
            .population
            .unwrap_or(if a.profile.starts_with("national") {
                120_000
            } else {
                100_000
            }),
    };
    let sum = generate(&opts, &a.out)?;
    if !ctx.quiet {
        for (f, n) in &sum.files {
            println!(
                "{:<28} {:>10} {}",
                a.out.join(f).display(),
                super::num(*n, ctx.lang()),
                tr!(ctx.lang(), "word-rows", n = *n)
            );
        }
    }
    Ok(0)
}
