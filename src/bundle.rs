//! The only module that writes report output: the bundle folder of 03-report.md.
//! Everything is written to a staging folder next to the target and renamed into place
//! at the end, so a failed run never leaves half a report where the last good one was;
//! a folder that ikrapport did not make is never replaced.
//!
//! ```text
//! <out>/index.html, sektor/<slug>.html, report.md, report.docx
//!       charts/<id>.svg + .png, tables/<name>.csv, tables.xlsx
//!       data/<name>.parquet, data-quality.csv, manifest.json
//! ```
//!
//! Every file but `manifest.json`'s `generated_at` is the same bytes on a rerun.

use crate::analytics::registry::{ColumnMeta, Maker, Origin, Registry};
use crate::analytics::{Params, Results};
use crate::config::Config;
use crate::digest::{HashingWriter, sha256, sha256_file};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::ingest::Ingested;
use crate::render;
use crate::report::{self, Document, privacy::Masked};
use crate::source::SourceKind;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The marker file of a bundle folder (ingestion skips folders that have it).
pub use crate::ingest::BUNDLE_MARKER as MARKER;

/// Which outputs to write (`--format`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formats {
    pub html: bool,
    pub md: bool,
    pub docx: bool,
    pub csv: bool,
    pub xlsx: bool,
    pub parquet: bool,
    pub charts: bool,
}

impl Default for Formats {
    fn default() -> Self {
        Formats {
            html: true,
            md: true,
            docx: true,
            csv: true,
            xlsx: true,
            parquet: true,
            charts: true,
        }
    }
}

impl Formats {
    /// Parse `all` or a comma-separated list (`html,xlsx`).
    pub fn parse(s: &str, lang: Lang) -> Result<Formats> {
        let mut f = Formats {
            html: false,
            md: false,
            docx: false,
            csv: false,
            xlsx: false,
            parquet: false,
            charts: false,
        };
        for part in s.split(',').map(|p| p.trim().to_lowercase()) {
            match part.as_str() {
                "all" | "alle" => f = Formats::default(),
                "html" => f.html = true,
                "md" | "markdown" => f.md = true,
                "docx" | "word" => f.docx = true,
                "csv" => f.csv = true,
                "xlsx" | "excel" => f.xlsx = true,
                "parquet" => f.parquet = true,
                "charts" | "png" | "svg" => f.charts = true,
                other => {
                    return Err(Error::Usage(tr!(
                        lang,
                        "bundle-unknown-format",
                        format = other
                    )));
                }
            }
        }
        Ok(f)
    }
}

/// What the caller gets back: where the report is, and what went into it.
#[derive(Debug, Clone)]
pub struct Written {
    pub out: PathBuf,
    /// Relative paths of every file written, by path.
    pub files: Vec<String>,
}

/// Stages, for a progress bar.
/// `tables`: every CSV and Parquet file, on every core; `xlsx`: the workbook's last
/// sheets and its package (written beside the analyses when `run` started it).
pub const STAGES: &[&str] = &["charts", "html", "md", "docx", "tables", "xlsx", "manifest"];

/// The staging folder the bundle's files are written into as they are made (not held
/// in memory until the end: a national-x10 bundle is most of a gigabyte), with each
/// file's path, size and hash for the manifest. Files may be added from several threads
/// at once (the table files are written in parallel); the manifest lists them by path.
/// The first failure to write is kept and ends the staging.
struct Staged {
    dir: PathBuf,
    lang: Lang,
    files: std::sync::Mutex<Vec<(String, usize, String)>>,
    error: std::sync::Mutex<Option<Error>>,
}

impl Staged {
    fn new(dir: &Path, lang: Lang) -> Staged {
        Staged {
            dir: dir.to_path_buf(),
            lang,
            files: Default::default(),
            error: Default::default(),
        }
    }

    /// Add a file made in memory.
    fn add(&self, rel: impl Into<String>, bytes: Vec<u8>) {
        self.add_with(rel, |w| w.write_all(&bytes));
    }

    /// Add a file written by `write` straight into the staging folder, hashed on the way
    /// (large tables are not held whole in memory first).
    fn add_with(
        &self,
        rel: impl Into<String>,
        write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) {
        let rel = rel.into();
        if self.failed() {
            return;
        }
        let path = self.dir.join(&rel);
        if let Some(dir) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(dir) {
                self.fail(Error::mkdir(self.lang, dir, e));
                return;
            }
        }
        let written = std::fs::File::create(&path).and_then(|f| {
            let mut w = HashingWriter::new(std::io::BufWriter::with_capacity(1 << 16, f));
            write(&mut w)?;
            w.finish()
        });
        match written {
            Ok((len, hash)) => {
                if let Ok(mut files) = self.files.lock() {
                    files.push((rel, len, hash));
                }
            }
            Err(e) => self.fail(Error::write(self.lang, &path, e)),
        }
    }

    /// Keep the first error.
    fn fail(&self, e: Error) {
        if let Ok(mut error) = self.error.lock() {
            error.get_or_insert(e);
        }
    }

    fn failed(&self) -> bool {
        self.error.lock().map_or(true, |e| e.is_some())
    }

    /// The first error, if any file could not be written.
    fn check(&self) -> Result<()> {
        match self.error.lock() {
            Ok(mut e) => e.take().map_or(Ok(()), Err),
            Err(_) => Err(Error::Internal("bundle: staging".into())),
        }
    }

    /// Every file written so far, by path.
    fn files_so_far(&self) -> Vec<(String, usize, String)> {
        let mut files = self.files.lock().map(|f| f.clone()).unwrap_or_default();
        files.sort();
        files
    }

    /// Every file written, by path.
    fn into_files(self) -> Vec<(String, usize, String)> {
        let mut files = self.files.into_inner().unwrap_or_default();
        files.sort();
        files
    }
}

/// Everything the bundle is made from.
pub struct Parts<'a> {
    pub project: &'a Path,
    pub data: &'a Ingested,
    pub results: &'a Results,
    pub config: &'a Config,
    pub doc: &'a Document,
    pub lang: Lang,
    pub formats: &'a Formats,
    /// The report definition's origin and text (lineage).
    pub definition: (&'a Path, &'a str),
    /// What [`prepare`] made while the analyses ran; made here when `None` (or when it
    /// was made for other parameters or formats).
    pub prepared: Option<Prepared>,
    /// The workbook written while the analyses ran; written here when `None` (or when
    /// it was made for other parameters).
    pub workbook: Option<&'a Workbook>,
}

/// What the bundle makes from the ingested data alone: each input file's size and
/// SHA-256 (the manifest, every Parquet footer: taken as ingestion read the file, or
/// read now) and, when Parquet is wanted, the canonical tables as Parquet. `ikrapport
/// run` makes it on a thread of its own while the analyses run, which leave a core idle
/// part of the time (national: encoding 1.9 million canonical rows, ~0.4 s of CPU that
/// came after the analyses).
pub struct Prepared {
    /// The run parameters it was made for, as its Parquet files record them.
    parameters: serde_json::Value,
    parquet: bool,
    inputs: Vec<serde_json::Value>,
    data: Vec<(String, Vec<u8>)>,
}

/// Make [`Prepared`] for a run with these parameters and formats.
pub fn prepare(
    project: &Path,
    data: &Ingested,
    config: &Config,
    params: &Params,
    lang: Lang,
    formats: &Formats,
) -> Result<Prepared> {
    let inputs = inputs(project, data, lang)?;
    let mut files = Vec::new();
    if formats.parquet {
        let meta = ParquetMeta::new(&inputs, &parameters(params, config, lang));
        for k in SourceKind::ALL {
            if let Some(df) = data.tables.get(&k) {
                let mut m = meta.base(k.table_name());
                m.push(("ikrapport.made_by".into(), "ingest".into()));
                files.push((
                    format!("data/{}.parquet", k.table_name()),
                    render::parquet::write(df, &m)?,
                ));
            }
        }
    }
    Ok(Prepared {
        parameters: parameters(params, config, lang),
        parquet: formats.parquet,
        inputs,
        data: files,
    })
}

/// `tables.xlsx` written while the analyses run: each result table's sheet is filled as
/// soon as the table is made ([`Workbook::tap`], given to `analytics::run_with`), on a
/// thread of the workbook's own. The analyses leave a core idle part of the time, and the
/// workbook (every cell as XML, deflated) is the largest part of the bundle: national
/// 4.4 million cells, ~0.5 s of CPU (~1.2 s with rust_xlsxwriter, before
/// `render::spreadsheetml`), all of it after the analyses when it was not written
/// beside them. It holds the tables of the analyses it was given to (`run` gives it the
/// ones whose results the bundle then writes). Used by the bundle only when made for the
/// same parameters (language, disclosure threshold, year: [`parameters`]); a workbook
/// that was not used, or an error on its thread, costs nothing but the thread's work
/// (the error is the bundle's when it uses the workbook).
pub struct Workbook {
    parameters: serde_json::Value,
    lang: Lang,
    tables: std::sync::mpsc::Sender<Table>,
    /// The tables sent so far: a workbook is used only if it has every table.
    sent: std::sync::Mutex<Vec<String>>,
    // Behind a lock only so that `Parts` can be shared with the bundle's threads.
    bytes: std::sync::Mutex<std::sync::mpsc::Receiver<Result<Vec<u8>>>>,
    used: std::sync::atomic::AtomicBool,
}

/// What the workbook's thread is sent: a table (name, title, column metadata, rows), or
/// the report's order of tables, after which it writes the file.
enum Table {
    One(String, String, Vec<ColumnMeta>, polars::prelude::DataFrame),
    Finish(Vec<String>),
}

impl Workbook {
    /// Start the workbook's thread for a run with these parameters. `None` if no thread
    /// can be started (the bundle then writes the workbook itself).
    pub fn start(params: &Params, config: &Config, lang: Lang) -> Option<Workbook> {
        let (tables, inbox) = std::sync::mpsc::channel::<Table>();
        let (done, bytes) = std::sync::mpsc::channel();
        let (threshold, year) = (config.disclosure_threshold, params.year);
        std::thread::Builder::new()
            .name("ikrapport-xlsx".into())
            .spawn(move || {
                let made = (|| -> Result<Vec<u8>> {
                    let mut book = render::xlsx::Book::new(
                        lang,
                        threshold,
                        year,
                        render::xlsx::ROWS_PER_SHEET,
                    );
                    loop {
                        match inbox.recv() {
                            Ok(Table::One(name, title, metas, df)) => {
                                let table = report::privacy::mask(&df, &metas, threshold);
                                book.add(&[render::xlsx::Sheet {
                                    title,
                                    table: &table,
                                    metas,
                                    name,
                                }])?;
                            }
                            Ok(Table::Finish(order)) => return book.finish(&order),
                            Err(_) => {
                                return Err(Error::Internal("xlsx: the run ended early".into()));
                            }
                        }
                    }
                })();
                let _ = done.send(made);
            })
            .ok()?;
        Some(Workbook {
            parameters: parameters(params, config, lang),
            lang,
            tables,
            sent: Default::default(),
            bytes: std::sync::Mutex::new(bytes),
            used: Default::default(),
        })
    }

    /// Send a table just made to the workbook's thread (for `analytics::run_with`).
    pub fn tap(&self, registry: &Registry, name: &str, df: &polars::prelude::DataFrame) {
        if let Ok(mut sent) = self.sent.lock() {
            sent.push(name.to_string());
        }
        // A frame's clone shares its columns: nothing is copied.
        let _ = self.tables.send(Table::One(
            name.to_string(),
            registry.title(name, self.lang),
            registry.columns_of(name, df),
            df.clone(),
        ));
    }

    /// Whether it was made for these parameters, has every table of `order` and has
    /// not been taken by a bundle already (its file is written once).
    fn fits(&self, parameters: &serde_json::Value, order: &[String]) -> bool {
        !self.used()
            && self.parameters == *parameters
            && self
                .sent
                .lock()
                .is_ok_and(|sent| order.iter().all(|o| sent.contains(o)))
    }

    /// Tell the thread the report's order of sheets: it names them and writes the file.
    fn finish(&self, order: Vec<String>) {
        self.used.store(true, std::sync::atomic::Ordering::Relaxed);
        let _ = self.tables.send(Table::Finish(order));
    }

    /// Whether a bundle took this workbook as its `tables.xlsx`.
    pub fn used(&self) -> bool {
        self.used.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The file, once written.
    fn bytes(&self) -> Result<Vec<u8>> {
        self.bytes
            .lock()
            .map_err(|_| Error::Internal("xlsx".into()))?
            .recv()
            .map_err(|_| Error::Internal("xlsx: the writer stopped".into()))?
    }
}

/// The key-value metadata every Parquet file of the bundle carries (lineage).
struct ParquetMeta {
    inputs: String,
    params: String,
}

impl ParquetMeta {
    fn new(inputs: &[serde_json::Value], params: &serde_json::Value) -> ParquetMeta {
        ParquetMeta {
            inputs: serde_json::to_string(
                &inputs
                    .iter()
                    .map(|i| (i["path"].clone(), i["sha256"].clone()))
                    .collect::<Vec<_>>(),
            )
            .unwrap_or_default(),
            params: params.to_string(),
        }
    }

    fn base(&self, table: &str) -> Vec<(String, String)> {
        vec![
            ("ikrapport.version".into(), env!("CARGO_PKG_VERSION").into()),
            ("ikrapport.table".into(), table.into()),
            ("ikrapport.inputs".into(), self.inputs.clone()),
            ("ikrapport.parameters".into(), self.params.clone()),
        ]
    }
}

/// Every result table, all municipalities, through disclosure control.
pub fn masked_results(results: &Results, threshold: i64) -> BTreeMap<String, Masked> {
    let mut out = BTreeMap::new();
    for name in &results.results {
        if let Some(df) = results.table(name) {
            let metas = results.registry.columns_of(name, df);
            out.insert(name.clone(), report::privacy::mask(df, &metas, threshold));
        }
    }
    out
}

/// Make the bundle's files in the staging folder `dir`. `progress` is told each stage as
/// it starts.
fn stage_files(
    p: &Parts,
    progress: &dyn Fn(&str),
    dir: &Path,
) -> Result<Vec<(String, usize, String)>> {
    let st = Staged::new(dir, p.lang);
    let lang = p.lang;
    let threshold = p.config.disclosure_threshold;
    let f = p.formats;
    let year = p.results.params.year;
    let masked = masked_results(p.results, threshold);
    let sheets: Vec<render::xlsx::Sheet> = p
        .results
        .results
        .iter()
        .filter_map(|name| {
            let m = masked.get(name)?;
            Some(render::xlsx::Sheet {
                title: p.results.registry.title(name, lang),
                table: m,
                metas: p.results.registry.columns_of(name, &m.df),
                name: name.clone(),
            })
        })
        .collect();
    // The workbook of a national data set is the bundle's largest file (4.4 million
    // cells as XML, deflated): written while the analyses ran (its sheets in the order of `sheets`
    // from here on), else on a thread of its own while everything else is.
    let order: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
    let early = p
        .workbook
        .filter(|w| f.xlsx && w.fits(&parameters(&p.results.params, p.config, lang), &order));
    if let Some(w) = early {
        w.finish(order);
    }
    let inputs = std::thread::scope(|scope| -> Result<Vec<serde_json::Value>> {
        let xlsx = (f.xlsx && early.is_none())
            .then(|| scope.spawn(|| render::xlsx::write(&sheets, lang, threshold, year)));
        // What `run` prepared while the analyses ran, if it fits; else prepared here,
        // beside the rendering (inputs ingested without hashing are read again for their
        // hashes: hundreds of megabytes nationally).
        let given = p.prepared.as_ref().filter(|pr| {
            pr.parquet == f.parquet
                && pr.parameters == parameters(&p.results.params, p.config, lang)
        });
        let preparing = given.is_none().then(|| {
            scope.spawn(|| prepare(p.project, p.data, p.config, &p.results.params, lang, f))
        });
        let figures = p.doc.figures();
        if f.charts || f.docx {
            progress("charts");
        }
        // PNG encoding is the costly part: one chart per core, once for charts/ and
        // Word alike.
        let mut pngs: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        if f.charts || f.docx {
            let imgs: Vec<(String, String, Vec<u8>)> = figures
                .par_iter()
                .map(|fig| (fig.chart.id.clone(), fig.chart.svg(), fig.chart.png()))
                .collect();
            for (id, svg, png) in imgs {
                if f.charts {
                    st.add(format!("charts/{id}.svg"), svg.into_bytes());
                    st.add(format!("charts/{id}.png"), png.clone());
                }
                pngs.insert(id, png);
            }
        }
        let sectors: Vec<(String, String)> = p
            .doc
            .pages
            .iter()
            .skip(1)
            .map(|pg| (pg.title.clone(), pg.slug.clone()))
            .collect();
        if f.html {
            progress("html");
            for (i, page) in p.doc.pages.iter().enumerate() {
                if i == 0 {
                    st.add(
                        "index.html",
                        render::html::page(p.doc, page, &sectors, "").into_bytes(),
                    );
                } else {
                    st.add(
                        format!("sektor/{}.html", page.slug),
                        render::html::page(p.doc, page, &sectors, "../").into_bytes(),
                    );
                }
            }
        }
        if f.md {
            progress("md");
            st.add("report.md", render::md::document(p.doc).into_bytes());
        }
        if f.docx {
            progress("docx");
            st.add("report.docx", render::docx::document(p.doc, &pngs)?);
        }
        let made;
        let prepared = match (given, preparing) {
            (Some(pr), _) => pr,
            (None, Some(h)) => {
                made = h.join().map_err(|_| {
                    Error::Internal("bundle: preparing the inputs stopped".into())
                })??;
                &made
            }
            (None, None) => return Err(Error::Internal("bundle: nothing prepared".into())),
        };
        // The result tables as CSV and Parquet and the canonical tables' Parquet, one
        // file per task on every core (they came one after another on one core, the
        // other idle: national 37 MB of CSV and 28 Parquet files, ~0.4 s), the largest
        // first so that the cores finish together.
        if f.csv || f.xlsx || f.parquet {
            progress("tables");
        }
        enum Job<'s> {
            Csv(&'s render::xlsx::Sheet<'s>),
            Parquet(&'s str, &'s Masked),
            Bytes(&'s str, &'s [u8]),
        }
        let mut jobs: Vec<(usize, Job)> = Vec::new();
        if f.csv {
            jobs.extend(sheets.iter().map(|s| (s.table.df.height(), Job::Csv(s))));
        }
        let meta = ParquetMeta::new(
            &prepared.inputs,
            &parameters(&p.results.params, p.config, lang),
        );
        if f.parquet {
            for name in &p.results.results {
                if let Some(m) = masked.get(name) {
                    jobs.push((m.df.height(), Job::Parquet(name, m)));
                }
            }
        }
        if f.parquet {
            // Made beside the analyses (`prepare`): written, sized as rows of ~50 bytes.
            for (rel, bytes) in &prepared.data {
                jobs.push((bytes.len() / 50, Job::Bytes(rel, bytes)));
            }
        }
        jobs.sort_by_key(|(rows, _)| std::cmp::Reverse(*rows));
        // The workbook's file hashed and written beside the tables, on a thread of its own
        // as soon as the workbook is done: after them, a national-x10 workbook (227 MB)
        // was the run's last ~0.7 s on one core.
        let st = &st;
        let workbook_file = scope.spawn(move || -> Result<()> {
            let bytes = match (early, xlsx) {
                (Some(w), _) => w.bytes()?,
                (None, Some(h)) => h
                    .join()
                    .map_err(|_| Error::Internal("xlsx: the writer stopped".into()))??,
                (None, None) => return Ok(()),
            };
            st.add("tables.xlsx", bytes);
            Ok(())
        });
        jobs.par_iter()
            .with_max_len(1)
            .try_for_each(|(_, job)| -> Result<()> {
                match job {
                    Job::Csv(s) if s.table_name() == "data_quality" => {
                        let bytes = render::csv::write(s.table, &s.metas, threshold);
                        st.add("data-quality.csv", bytes.clone());
                        st.add(format!("tables/{}.csv", s.table_name()), bytes);
                    }
                    Job::Csv(s) => st.add_with(format!("tables/{}.csv", s.table_name()), |w| {
                        render::csv::write_to(w, s.table, &s.metas, threshold)
                    }),
                    Job::Parquet(name, m) => {
                        let mut meta = meta.base(name);
                        meta.extend(made_by(p.results, name));
                        let hidden: Vec<&String> = m.hidden.keys().collect();
                        meta.push((
                            "ikrapport.suppressed".into(),
                            serde_json::json!({ "threshold": threshold, "columns": hidden })
                                .to_string(),
                        ));
                        st.add(
                            format!("data/{name}.parquet"),
                            render::parquet::write(&m.df, &meta)?,
                        );
                    }
                    Job::Bytes(rel, bytes) => st.add_with(*rel, |w| w.write_all(bytes)),
                }
                Ok(())
            })?;
        if f.xlsx {
            progress("xlsx");
        }
        workbook_file
            .join()
            .map_err(|_| Error::Internal("xlsx: the writer stopped".into()))??;
        Ok(prepared.inputs.clone())
    })?;
    st.check()?;
    progress("manifest");
    let manifest = manifest(p, &st.files_so_far(), inputs);
    st.add(
        "manifest.json",
        serde_json::to_vec_pretty(&manifest).unwrap_or_default(),
    );
    st.check()?;
    Ok(st.into_files())
}

/// How a table was made, for its Parquet footer and the manifest.
fn made_by(results: &Results, name: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    match results.registry.get(name).map(|t| &t.maker) {
        Some(Maker::Sql { sql, origin }) => {
            out.push(("ikrapport.made_by".into(), "sql".into()));
            out.push((
                "ikrapport.query_file".into(),
                match origin {
                    Origin::BuiltIn => format!("queries/{name}.sql (built-in)"),
                    Origin::File(p) => p.display().to_string(),
                },
            ));
            out.push(("ikrapport.query_sha256".into(), sha256(sql.as_bytes())));
            out.push(("ikrapport.query".into(), sql.clone()));
        }
        Some(Maker::Rust { .. }) => {
            out.push((
                "ikrapport.made_by".into(),
                format!("rust:analytics::{name}"),
            ));
        }
        _ => out.push(("ikrapport.made_by".into(), "ingest".into())),
    }
    if let Some(r) = results.reads.get(name) {
        out.push(("ikrapport.reads".into(), r.join(",")));
    }
    out
}

fn parameters(pr: &Params, config: &Config, lang: Lang) -> serde_json::Value {
    serde_json::json!({
        "year": pr.year,
        "as_of": pr.as_of.format("%Y-%m-%d").to_string(),
        "language": lang.code(),
        "focus": pr.focus,
        "survey": pr.survey,
        "trend_years": pr.trend_years,
        "risk_top_n": pr.risk_top_n,
        "disclosure_threshold": config.disclosure_threshold,
        "scale_max": config.scale_max,
        "risk": {
            "measure_threshold": config.risk.measure_threshold,
            "law_breach_requires_measure": config.risk.law_breach_requires_measure,
            "green_max": config.risk.green_max,
            "yellow_max": config.risk.yellow_max,
        },
    })
}

/// Each input file: path, size, sha256, rows read and rejected.
fn inputs(project: &Path, data: &Ingested, lang: Lang) -> Result<Vec<serde_json::Value>> {
    data.files
        .iter()
        .map(|f| {
            let path = project.join(&f.file);
            // Hashed as ingestion read it; a file it did not read, now.
            let (bytes, hash) = match &f.sha256 {
                Some(h) => h.clone(),
                None => sha256_file(&path).map_err(|e| Error::read(lang, &path, e))?,
            };
            Ok(serde_json::json!({
                "path": f.file,
                "source": f.source.map(|s| s.table_name()),
                "bytes": bytes,
                "sha256": hash,
                "rows_read": f.rows_read,
                "rows_kept": f.rows_kept,
                "rows_rejected": f.rows_rejected,
                "warnings": f.warnings,
            }))
        })
        .collect()
}

fn manifest(
    p: &Parts,
    files: &[(String, usize, String)],
    inputs: Vec<serde_json::Value>,
) -> serde_json::Value {
    let tables: Vec<serde_json::Value> = p
        .results
        .results
        .iter()
        .map(|name| {
            let made: BTreeMap<String, String> = made_by(p.results, name)
                .into_iter()
                .filter(|(k, _)| k != "ikrapport.query")
                .map(|(k, v)| (k.trim_start_matches("ikrapport.").to_string(), v))
                .collect();
            serde_json::json!({
                "table": name,
                "rows": p.results.table(name).map_or(0, |d| d.height()),
                "made_by": made.get("made_by"),
                "query_file": made.get("query_file"),
                "query_sha256": made.get("query_sha256"),
                "reads": p.results.reads.get(name),
            })
        })
        .collect();
    let outputs: Vec<serde_json::Value> = files
        .iter()
        .map(
            |(rel, bytes, hash)| serde_json::json!({ "path": rel, "bytes": bytes, "sha256": hash }),
        )
        .collect();
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    serde_json::json!({
        "engine": { "name": "ikrapport", "version": env!("CARGO_PKG_VERSION") },
        "generated_at": now,
        "parameters": parameters(&p.results.params, p.config, p.lang),
        "report_definition": {
            "path": p.definition.0.display().to_string(),
            "sha256": sha256(p.definition.1.as_bytes()),
        },
        "inputs": inputs,
        "tables": tables,
        "outputs": outputs,
    })
}

/// Check that `out` may be replaced: it does not exist, is empty, or is a bundle.
fn check_out(out: &Path, lang: Lang) -> Result<()> {
    if out.exists() && !out.join(MARKER).exists() {
        let empty = std::fs::read_dir(out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(Error::Usage(tr!(lang, "bundle-not-ours", path = out)));
        }
    }
    Ok(())
}

/// Write the bundle to `out` through a staging folder renamed into place.
pub fn write(out: &Path, p: &Parts, progress: &dyn Fn(&str)) -> Result<Written> {
    let lang = p.lang;
    check_out(out, lang)?;
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| Error::mkdir(lang, parent, e))?;
    let tmp = parent.join(format!(
        ".{}.tmp-{}",
        out.file_name()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default(),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&tmp);
    let result = (|| -> Result<Vec<(String, usize, String)>> {
        std::fs::create_dir_all(&tmp).map_err(|e| Error::mkdir(lang, &tmp, e))?;
        std::fs::write(tmp.join(MARKER), tr!(lang, "bundle-marker"))
            .map_err(|e| Error::write(lang, &tmp, e))?;
        stage_files(p, progress, &tmp)
    })();
    let staged = match result {
        Ok(s) => s,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    // Keep the previous bundle until the new one is complete, then swap.
    let old = parent.join(format!(
        ".{}.old-{}",
        out.file_name()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default(),
        std::process::id()
    ));
    if out.exists() {
        std::fs::rename(out, &old).map_err(|e| Error::write(lang, out, e))?;
    }
    if let Err(e) = std::fs::rename(&tmp, out) {
        // Put the previous bundle back where it was.
        let _ = std::fs::rename(&old, out);
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(Error::write(lang, out, e));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(Written {
        out: out.to_path_buf(),
        files: staged.into_iter().map(|(rel, _, _)| rel).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse() {
        assert_eq!(Formats::parse("all", Lang::Nb).unwrap(), Formats::default());
        let f = Formats::parse("html, xlsx", Lang::Nb).unwrap();
        assert!(f.html && f.xlsx && !f.docx);
        let e = Formats::parse("pdf", Lang::Nb).unwrap_err().to_string();
        assert!(e.contains("«pdf»"), "{e}");
    }
}
