//! `ikrapport run [folder]`: the whole pipeline: ingest (stopping on unusable files, and
//! with `--strict` on rejected rows), compute every result table, build the report from
//! its definition, and write the bundle. A progress bar over the stages on a terminal;
//! one closing line naming the report and the data-quality counts.

use super::{Ctx, num};
use ikrapport::bundle::{self, Formats};
use ikrapport::report::{self, definition};
use ikrapport::{Error, SourceKind, analytics, tr};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    #[arg(default_value = "sample-data")]
    pub folder: PathBuf,
    #[arg(long)]
    pub strict: bool,
    #[arg(long)]
    pub year: Option<i32>,
    #[arg(long)]
    pub as_of: Option<String>,
    #[arg(long)]
    pub focus: Option<String>,
    #[arg(long)]
    pub survey: Option<String>,
    #[arg(long)]
    pub queries: Vec<PathBuf>,
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[arg(long)]
    pub report: Option<PathBuf>,
    #[arg(long, default_value = "all")]
    pub format: String,
    #[arg(long)]
    pub export_parquet: Option<PathBuf>,
    #[arg(long, default_value = "kommunenummer,year")]
    pub partition: String,
}

/// Parse `--as-of` (`2025-12-31` or `31.12.2025`).
pub fn parse_as_of(s: &str, lang: ikrapport::Lang) -> ikrapport::Result<chrono::NaiveDate> {
    ikrapport::ingest::values::parse_date_text(s)
        .map_err(|_| Error::Usage(tr!(lang, "cli-as-of", value = s)))
}

/// The progress bar: visible on a terminal only, and silent with -q.
struct Progress {
    bar: ProgressBar,
    lang: ikrapport::Lang,
    /// When each stage started, for `-v` (benches/README.md reads these).
    stages: std::cell::RefCell<Vec<(String, std::time::Instant, Option<u64>)>>,
}

impl Progress {
    fn new(ctx: &Ctx, stages: u64) -> Progress {
        let bar = if ctx.quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let b = ProgressBar::with_draw_target(Some(stages), ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {msg}")
            {
                b.set_style(style.progress_chars("=> "));
            }
            b.enable_steady_tick(std::time::Duration::from_millis(120));
            b
        };
        Progress {
            bar,
            lang: ctx.lang(),
            stages: std::cell::RefCell::new(Vec::new()),
        }
    }

    fn stage(&self, name: &str) {
        self.stages
            .borrow_mut()
            .push((name.to_string(), std::time::Instant::now(), peak_mb()));
        self.bar
            .set_message(tr!(self.lang, &format!("progress-{name}")));
        self.bar.inc(1);
    }

    /// Print without tearing the bar.
    fn print(&self, f: impl FnOnce()) {
        self.bar.suspend(f);
    }
}

/// The process's peak resident memory so far in MB (`VmHWM`, Linux only).
fn peak_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb >> 10)
}

pub fn run(a: Args, ctx: &Ctx) -> ikrapport::Result<i32> {
    // The project first: a large run may start again there (`Ctx::project`), before the
    // progress bar draws.
    let project = ctx.project(&a.folder)?;
    let progress = Progress::new(
        ctx,
        3 + bundle::STAGES.len() as u64 + u64::from(a.export_parquet.is_some()),
    );
    progress.stage("ingest");
    let lang = project.config.language;
    let formats = Formats::parse(&a.format, lang)?;
    let data = project.ingest_for_bundle(a.strict)?;
    progress.stage("analytics");
    let opts = analytics::Options {
        year: a.year,
        as_of: a
            .as_of
            .as_deref()
            .map(|d| parse_as_of(d, lang))
            .transpose()?,
        survey: a.survey.clone(),
        focus: a.focus.clone(),
        query_dirs: a.queries.clone(),
    };
    let params = analytics::Params::resolve(&data, &project.config, &opts)?;
    // The workbook's sheets are written as the analyses make each table
    // (`bundle::Workbook`).
    let workbook = formats
        .xlsx
        .then(|| bundle::Workbook::start(&params, &project.config, lang))
        .flatten();
    // The bundle's inputs (hashes, canonical Parquet) need only the ingested data: made
    // on a thread of their own while the analyses run (`bundle::Prepared`).
    let (results, prepared) = std::thread::scope(|scope| {
        let preparing = scope.spawn(|| {
            bundle::prepare(
                &project.root,
                &data,
                &project.config,
                &params,
                lang,
                &formats,
            )
        });
        let tap = |registry: &analytics::registry::Registry, name: &str, df: &_| {
            if let Some(w) = &workbook {
                w.tap(registry, name, df);
            }
        };
        let results = analytics::run_with(
            &project.root,
            &data,
            &project.config,
            &opts,
            params.clone(),
            &tap,
        );
        (results, preparing.join())
    });
    let results = results?;
    let prepared = prepared
        .map_err(|_| ikrapport::Error::Internal("bundle: preparing the inputs stopped".into()))??;
    progress.stage("report");
    let (def, def_text) = definition::load(a.report.as_deref(), &project.root, lang)?;
    definition::check(&def, &def_text, &results, lang)?;
    let doc = report::build(&report::Inputs {
        results: &results,
        data: &data,
        config: &project.config,
        definition: &def,
        lang,
    })?;
    let out = a
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("out/arsrapport-{}", results.params.year)));
    let started = std::time::Instant::now();
    let written = bundle::write(
        &out,
        &bundle::Parts {
            project: &project.root,
            data: &data,
            results: &results,
            config: &project.config,
            doc: &doc,
            lang,
            formats: &formats,
            definition: (&def.origin, &def_text),
            prepared: Some(prepared),
            workbook: workbook.as_ref(),
        },
        &|s| progress.stage(s),
    )?;
    if let Some(dir) = &a.export_parquet {
        progress.stage("export");
        let by: Vec<String> = a
            .partition
            .split(',')
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        ikrapport::export::export(dir, &results, &project.config, &by, lang)?;
    }
    progress.stage("done");
    progress.bar.finish_and_clear();
    if ctx.verbose {
        progress.print(|| {
            // Wall time per stage: ingest, analytics, report, then the bundle's parts.
            let st = progress.stages.borrow();
            for w in st.windows(2) {
                // The peak memory so far when the stage ended (Linux), to find the
                // stage that sets the run's peak.
                let peak = w[1]
                    .2
                    .map(|m| format!("  (peak {m} MB)"))
                    .unwrap_or_default();
                eprintln!(
                    "{:>8} ms  stage {}{peak}",
                    w[1].1.duration_since(w[0].1).as_millis(),
                    w[0].0
                );
            }
            super::print_timings(&data.files, &results.timings);
            eprintln!("{:>8} ms  bundle", started.elapsed().as_millis());
            for k in SourceKind::ALL {
                if let Some(df) = data.tables.get(&k) {
                    eprintln!(
                        "{:>10} {}  {:>6} MB  {}",
                        num(df.height(), lang),
                        tr!(lang, "word-rows", n = df.height()),
                        df.estimated_size() >> 20,
                        k.table_name()
                    );
                }
            }
            for name in &results.results {
                let (n, size) = results
                    .table(name)
                    .map_or((0, 0), |d| (d.height(), d.estimated_size()));
                eprintln!(
                    "{:>10} {}  {:>6} MB  {name}",
                    num(n, lang),
                    tr!(lang, "word-rows", n = n),
                    size >> 20
                );
            }
        });
    }
    if !ctx.quiet {
        let main = if formats.html {
            written.out.join("index.html")
        } else {
            written.out.clone()
        };
        let warnings: usize = data.files.iter().map(|f| f.warnings).sum();
        println!(
            "{}",
            tr!(
                lang,
                "run-done",
                path = main,
                files = written.files.len(),
                year = results.params.year.to_string(),
                rejected = data.rows_rejected(),
                warnings = warnings
            )
        );
    }
    Ok(0)
}
