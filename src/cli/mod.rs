//! The command line (clap): one file per subcommand. Nothing below `cli/` knows clap.
//! Errors are printed here, once, as one paragraph on stderr; the exit code comes from
//! the error (04-cli-and-scale.md: 0 ok, 1 bad input, 2 usage, 3 internal).

mod generate;
mod help;
mod init;
mod query;
mod run;
mod validate;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use ikrapport::{Error, Lang, tr};

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
    // Debug builds only: lets the tests check how a bug in ikrapport is reported.
    #[cfg(debug_assertions)]
    if std::env::var_os("IKRAPPORT_TEST_PANIC").is_some() {
        panic!("a test asked for a panic");
    }
    let args: Vec<String> = std::env::args().collect();
    let parsed = help::localize(Cli::command(), help::lang_of(&args))
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
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
            eprintln!("{}", tr!(Lang::Nb, "cli-unknown-language", lang = l));
            return ikrapport::error::EXIT_USAGE;
        }
        Some((_, Some(l))) => Some(l),
        None => None,
    };
    let ctx = Ctx {
        lang: lang_flag,
        quiet: cli.quiet,
        verbose: cli.verbose,
        effective: std::cell::Cell::new(lang_flag.unwrap_or_default()),
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
            report(&e, ctx.effective.get());
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
    /// The language of this run: `--lang`, else the project's config once it is read.
    /// Errors are printed in it.
    pub effective: std::cell::Cell<Lang>,
}

impl Ctx {
    /// Open a project, applying `--lang`.
    pub fn project(&self, folder: &std::path::Path) -> ikrapport::Result<ikrapport::Project> {
        let p = ikrapport::Project::open_in(folder, self.lang)?;
        self.effective.set(p.config.language);
        // A large run starts again with huge pages on glibc's heaps (`memory`); before
        // anything is read. A folder that cannot be listed is reported by ingestion.
        let input_bytes: u64 = ikrapport::ingest::discover::discover(&p.root, &p.config)
            .map(|files| {
                files
                    .iter()
                    .filter_map(|(path, _)| std::fs::metadata(path).ok())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0);
        crate::memory::huge_pages_for(input_bytes, self.verbose);
        Ok(p)
    }

    /// The language of messages now.
    pub fn lang(&self) -> Lang {
        self.effective.get()
    }
}

/// Where the last panic happened (file:line) and its message, recorded by the hook.
static PANIC: std::sync::Mutex<Option<(String, String)>> = std::sync::Mutex::new(None);

/// Record panics instead of printing them (see `main.rs`).
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = info.payload().downcast_ref::<String>() {
            s.clone()
        } else {
            String::new()
        };
        if let Ok(mut p) = PANIC.lock() {
            // The first panic is the cause; a panic in a worker thread is re-raised on
            // the main thread with the same message.
            if p.is_none() {
                *p = Some((place, msg));
            }
        }
    }));
}

/// Report a panic that reached `main` as an internal error; the exit code.
pub fn report_panic(payload: &Box<dyn std::any::Any + Send>) -> i32 {
    let args: Vec<String> = std::env::args().collect();
    let lang = args
        .windows(2)
        .find(|w| w[0] == "--lang")
        .and_then(|w| Lang::parse(&w[1]))
        .unwrap_or_default();
    let verbose = args.iter().any(|a| a == "-v" || a == "--verbose");
    let (place, msg) = PANIC
        .lock()
        .ok()
        .and_then(|p| p.clone())
        .unwrap_or_else(|| (String::new(), ikrapport::catalog::panic_message(payload)));
    let mut text = tr!(
        lang,
        "internal-panic",
        why = msg.lines().next().unwrap_or("")
    );
    if verbose && !place.is_empty() {
        text.push(' ');
        text.push_str(&tr!(lang, "internal-panic-at", place = place));
    } else if !verbose {
        text.push(' ');
        text.push_str(&tr!(lang, "internal-panic-verbose"));
    }
    eprintln!("{}: {text}", tr!(lang, "error-prefix"));
    ikrapport::error::EXIT_INTERNAL
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
    let text = if e.is_internal() {
        format!("{e}. {}", tr!(lang, "internal-error-report"))
    } else {
        e.to_string()
    };
    eprintln!("{}: {text}", tr!(lang, "error-prefix"));
}

/// A whole number in the language's style (`25 012`).
pub fn num(n: usize, lang: Lang) -> String {
    ikrapport::i18n::num::int(n as i64, lang)
}
