//! The command line (clap): one file per subcommand. Nothing below `cli/` knows clap.
//! Errors are printed here, once, as one paragraph on stderr; the exit code comes from
//! the error (04-cli-and-scale.md: 0 ok, 1 bad input, 2 usage, 3 internal).

mod generate;
mod init;
mod query;
mod run;
mod validate;

use clap::{Parser, Subcommand};
use ikrapport::{Error, Lang};

/// ikrapport: årsrapport for internkontroll (kommuneloven § 25-1 og § 25-2) fra avvik,
/// ROS-register, spørreundersøkelser, modenhetsvurderinger og tilsyn.
#[derive(Parser)]
#[command(name = "ikrapport", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Språk for meldinger: nb (bokmål), nn (nynorsk) eller en.
    #[arg(long, global = true)]
    lang: Option<String>,
    /// Ingen utskrift utenom feil.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Skriv tidsbruk per fil og per tabell til stderr.
    #[arg(short, long, global = true)]
    verbose: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Les inn, analyser og skriv rapporten for en prosjektmappe.
    Run(run::Args),
    /// Les inn filene og vis hva som ble funnet i hver, og hvilke rader som ble avvist.
    Validate(validate::Args),
    /// Kjør SQL mot de kanoniske tabellene og resultattabellene.
    Query(query::Args),
    /// Lag syntetiske data for alle seks kilder (samme --seed gir samme filer).
    Generate(generate::Args),
    /// Lag en ny prosjektmappe med oppsett, kodebok og eksempelfiler.
    Init(init::Args),
}

/// Run the CLI and return the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                ikrapport::error::EXIT_USAGE
            } else {
                0
            };
            let _ = e.print();
            return code;
        }
    };
    let lang_flag = match cli.lang.as_deref().map(|l| (l, Lang::parse(l))) {
        Some((l, None)) => {
            eprintln!("Ukjent språk «{l}»: bruk nb, nn eller en.");
            return ikrapport::error::EXIT_USAGE;
        }
        Some((_, Some(l))) => Some(l),
        None => None,
    };
    let ctx = Ctx {
        lang: lang_flag,
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    let result = match cli.command {
        Command::Run(a) => run::run(a, &ctx),
        Command::Validate(a) => validate::run(a, &ctx),
        Command::Query(a) => query::run(a, &ctx),
        Command::Generate(a) => generate::run(a, &ctx),
        Command::Init(a) => init::run(a, &ctx),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            report(&e, ctx.lang.unwrap_or_default());
            e.exit_code()
        }
    }
}

/// Options shared by every subcommand.
pub struct Ctx {
    /// `--lang`, overriding the project config.
    pub lang: Option<Lang>,
    pub quiet: bool,
    /// `-v`: timings on stderr.
    pub verbose: bool,
}

impl Ctx {
    /// Open a project, applying `--lang`.
    pub fn project(&self, folder: &std::path::Path) -> ikrapport::Result<ikrapport::Project> {
        ikrapport::Project::open_in(folder, self.lang)
    }
}

/// `-v`: per-file and per-table timings on stderr (stdout stays the result).
pub fn print_timings(files: &[ikrapport::FileReport], tables: &[(String, u64)]) {
    for f in files {
        eprintln!("{:>8} ms  {}", f.millis, f.file);
    }
    for (name, ms) in tables {
        eprintln!("{ms:>8} ms  {name}");
    }
}

/// Print an error as one paragraph.
fn report(e: &Error, lang: Lang) {
    let prefix = lang.pick("Feil", "Feil", "Error");
    let text = match e {
        Error::Io { .. } | Error::Polars { .. } | Error::Internal(_) => format!(
            "{e}. {}",
            lang.pick(
                "Dette er en intern feil; meld den gjerne med kommandoen du kjørte.",
                "Dette er ein intern feil; meld han gjerne med kommandoen du køyrde.",
                "This is an internal error; please report it with the command you ran."
            )
        ),
        _ => e.to_string(),
    };
    eprintln!("{prefix}: {text}");
}

/// A whole number with a space as thousands separator (Norwegian style: `25 012`).
pub fn num(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(ch);
    }
    out
}
