//! Ingestion: from the files in a project folder to canonical tables plus the
//! data-quality table, losing nothing (01-inputs.md).
//!
//! Flow per file: which files (`discover`) → read bytes, read-only (`load`: `text`,
//! `sheet`, `parquet`) → grid → which source it is and where its header is (`identify`:
//! config, then file/folder name, then headers; `headers`, `table`) → values and rules
//! (`values`, `rules`, `survey`, over the row types of `row`) → typed columns. A text
//! file is read in chunks after its first (`stream`): the first identifies it, the rest
//! are typed as they are read. Files of one source are stacked into one table.

pub mod chunk;
pub mod discover;
pub mod grid;
pub mod headers;
pub mod identify;
pub mod load;
pub mod parquet;
pub mod quality;
pub mod row;
pub mod rules;
pub mod schema;
pub mod sheet;
pub mod stream;
pub mod survey;
pub mod table;
pub mod text;
pub mod values;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::source::SourceKind;
pub use discover::{BUNDLE_MARKER, DATA_EXTENSIONS, discover, kinds_by_name};
use polars::prelude::*;
use quality::DqRow;
use row::{FileCtx, Processed};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use survey::Codebook;
use table::ColumnMatch;

/// What happened to one input file (what `validate` prints).
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    /// Path relative to the project folder.
    pub file: String,
    pub source: Option<SourceKind>,
    /// How the source was decided: `config`, `name` or `headers`.
    pub detected_by: Option<&'static str>,
    pub format: String,
    pub encoding: Option<&'static str>,
    pub delimiter: Option<String>,
    pub sheet: Option<String>,
    pub header_row: Option<u64>,
    pub columns: Vec<ColumnMatch>,
    /// Optional canonical columns the file does not have.
    pub columns_absent: Vec<String>,
    pub codebook: Option<String>,
    pub rows_read: usize,
    pub rows_kept: usize,
    pub rows_rejected: usize,
    pub warnings: usize,
    pub bytes: u64,
    /// The whole-file error, when the file could not be used.
    pub error: Option<String>,
    /// Size and SHA-256 of the file, hashed as it was read (`None`: not read whole).
    #[serde(skip)]
    pub sha256: Option<(u64, String)>,
    /// Things the user should know that are not errors (other sheets that also match).
    pub notes: Vec<String>,
    /// Time spent reading and checking the file, in milliseconds.
    pub millis: u64,
}

/// The result of ingesting a project.
#[derive(Debug, Clone)]
pub struct Ingested {
    pub tables: BTreeMap<SourceKind, DataFrame>,
    pub files: Vec<FileReport>,
    pub data_quality: Vec<DqRow>,
    pub lang: Lang,
    /// The survey codebooks the survey files were read with.
    pub codebooks: Vec<Codebook>,
}

impl Ingested {
    /// A canonical table (empty with the canonical columns when no file had that source).
    pub fn table(&self, kind: SourceKind) -> DataFrame {
        match self.tables.get(&kind) {
            Some(df) => df.clone(),
            None if kind == SourceKind::Survey => survey::empty_frame(),
            None => table::empty_frame(kind, &[]),
        }
    }

    /// A canonical table as a polars LazyFrame, for embedders who build their own queries.
    pub fn lazy(&self, kind: SourceKind) -> LazyFrame {
        self.table(kind).lazy()
    }

    /// True when at least one file had this source.
    pub fn has(&self, kind: SourceKind) -> bool {
        self.tables.get(&kind).is_some_and(|d| d.height() > 0)
    }

    /// The data-quality table.
    pub fn data_quality_frame(&self) -> DataFrame {
        quality::frame(&self.data_quality, self.lang)
    }

    /// The `input_files` table: per file its source, format and rows read, kept and
    /// rejected, and warnings (the counts the report's data-quality section gives).
    pub fn input_files_frame(&self) -> DataFrame {
        let f = &self.files;
        let s = |g: &dyn Fn(&FileReport) -> Option<String>| -> Vec<Option<String>> {
            f.iter().map(g).collect()
        };
        let n = |g: &dyn Fn(&FileReport) -> usize| -> Vec<i64> {
            f.iter().map(|x| g(x) as i64).collect()
        };
        DataFrame::new(
            f.len(),
            vec![
                Column::new("file".into(), s(&|x| Some(x.file.clone()))),
                Column::new(
                    "source".into(),
                    s(&|x| x.source.map(|k| k.table_name().to_string())),
                ),
                Column::new("format".into(), s(&|x| Some(x.format.clone()))),
                Column::new("rows_read".into(), n(&|x| x.rows_read)),
                Column::new("rows_kept".into(), n(&|x| x.rows_kept)),
                Column::new("rows_rejected".into(), n(&|x| x.rows_rejected)),
                Column::new("warnings".into(), n(&|x| x.warnings)),
            ],
        )
        .unwrap_or_default()
    }

    /// The first unusable file, as the error that stops a run.
    pub fn first_error(&self) -> Option<Error> {
        self.files.iter().find_map(|f| {
            f.error.as_ref().map(|m| Error::UnusableFile {
                file: PathBuf::from(&f.file),
                message: m.clone(),
            })
        })
    }

    /// Rows rejected over all files.
    pub fn rows_rejected(&self) -> usize {
        self.files.iter().map(|f| f.rows_rejected).sum()
    }
}

/// Ingest every file of a project folder. With `hash`, each file's SHA-256 is taken as it
/// is read ([`FileReport::sha256`]), for a bundle's manifest; `validate` does without.
pub fn ingest(root: &Path, config: &Config, hash: bool) -> Result<Ingested> {
    let lang = config.language;
    let files = discover(root, config)?;
    if files.is_empty() {
        return Err(Error::UnusableFile {
            file: root.to_path_buf(),
            message: tr!(lang, "project-no-files", folder = root),
        });
    }
    let mut reports = Vec::new();
    let mut dq = Vec::new();
    let mut parts: BTreeMap<SourceKind, Vec<DataFrame>> = BTreeMap::new();
    let mut codebooks: Vec<Codebook> = Vec::new();
    // Files are read in parallel (each also types its rows in parallel chunks); the
    // results are taken in file order, so reports and data-quality rows keep their order.
    use rayon::prelude::*;
    let done: Vec<(FileReport, FileOutcome)> = files
        .par_iter()
        .map(|(path, explicit)| {
            let started = std::time::Instant::now();
            let (mut report, outcome) = ingest_file(root, path, *explicit, config, hash);
            report.millis = started.elapsed().as_millis() as u64;
            (report, outcome)
        })
        .collect();
    for (report, outcome) in done {
        if let Some((kind, processed, cb)) = outcome {
            if let Some(cb) = cb {
                if !codebooks.iter().any(|c: &Codebook| c.survey == cb.survey) {
                    codebooks.push(cb);
                }
            }
            dq.extend(processed.dq);
            parts.entry(kind).or_default().push(processed.df);
        }
        reports.push(report);
    }
    let mut tables = BTreeMap::new();
    for (k, frames) in parts {
        let df =
            stack(frames).map_err(|e| Error::polars(format!("stack {}", k.table_name()), e))?;
        tables.insert(k, df);
    }
    Ok(Ingested {
        tables,
        files: reports,
        data_quality: dq,
        lang,
        codebooks,
    })
}

/// A new report for a file, before it is read.
fn new_report(label: String, path: &Path, explicit: Option<SourceKind>) -> FileReport {
    FileReport {
        file: label,
        source: explicit,
        detected_by: explicit.map(|_| "config"),
        format: path
            .extension()
            .and_then(|x| x.to_str())
            .unwrap_or("")
            .to_lowercase(),
        encoding: None,
        delimiter: None,
        sheet: None,
        header_row: None,
        columns: vec![],
        columns_absent: vec![],
        codebook: None,
        rows_read: 0,
        rows_kept: 0,
        rows_rejected: 0,
        warnings: 0,
        bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        error: None,
        sha256: None,
        notes: vec![],
        millis: 0,
    }
}

/// What one file gave: its source, rows, and (for a survey) the codebook it was read with.
type FileOutcome = Option<(SourceKind, Processed, Option<Codebook>)>;

/// Read one file: load its grids, decide its source, find the header, read its rows. A
/// file that cannot be used is reported in `FileReport::error`; the rest go on.
fn ingest_file(
    root: &Path,
    path: &Path,
    explicit: Option<SourceKind>,
    config: &Config,
    hash: bool,
) -> (FileReport, FileOutcome) {
    let lang = config.language;
    let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let label = rel.display().to_string();
    let mut report = new_report(label.clone(), path, explicit);
    let sheet_cfg = explicit
        .and_then(|k| config.sources.get(&k))
        .and_then(|s| s.sheet.clone());
    let mut loaded = match load::load(path, &label, lang, sheet_cfg.as_deref(), hash) {
        Ok(l) => l,
        Err(m) => {
            report.error = Some(m);
            return (report, None);
        }
    };
    report.format = loaded.format.clone();
    report.encoding = loaded.encoding;
    report.delimiter = loaded.delimiter.clone();
    // A broken codebook makes only its survey file unusable: other files are identified
    // with the built-in one and read as usual.
    let (cb, cb_name, cb_error) = match identify::codebook_for(root, path, config) {
        Ok((cb, name)) => (cb, name, None),
        Err(e) => (Codebook::default_ros(), String::new(), Some(e.to_string())),
    };
    let id = match identify::identify(&loaded, &rel, &label, explicit, config, &cb) {
        Ok(id) => id,
        Err(u) => {
            report.source = u.kind.or(explicit);
            report.error = Some(u.message);
            return (report, None);
        }
    };
    report.source = Some(id.kind);
    report.detected_by = Some(id.by);
    if id.kind == SourceKind::Survey {
        if let Some(e) = cb_error {
            report.error = Some(tr!(
                lang,
                "file-codebook-broken",
                file = label.as_str(),
                why = e
            ));
            return (report, None);
        }
    }
    note_other_matching_sheets(&mut report, &loaded, &id, config, &cb);
    let rest = loaded.rest.take();
    let grid = &loaded.grids[id.found.grid];
    report.sheet = grid.sheet.clone();
    let mut header = id.found.header;
    let ctx = FileCtx {
        source: id.kind,
        config,
        label: label.clone(),
        stem: path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default(),
        sheet: grid.sheet.clone(),
    };
    // A text export is typed chunk by chunk as it is read (`stream`); a workbook's sheet
    // is in memory already.
    let (processed, survey_cb) = match (id.kind, rest) {
        (SourceKind::Survey, rest) => {
            report.codebook = Some(cb_name);
            let qcols = survey::question_columns(&cb, &mut header);
            let processed = match rest {
                Some(r) => survey::process_streamed(grid, r, &header, &qcols, &cb, &ctx),
                None => Ok(survey::process(grid, &header, &qcols, &cb, &ctx)),
            };
            (processed, Some(cb))
        }
        (_, Some(r)) => (stream::process(grid, r, &header, &ctx), None),
        (_, None) => (Ok(table::process(grid, &header, &ctx)), None),
    };
    let processed = match processed {
        Ok(p) => p,
        Err(e) => {
            report.error = Some(load::text_error(e, &label, lang));
            return (report, None);
        }
    };
    report.header_row = Some(header.row_number);
    report.columns = header.matches.clone();
    report.columns_absent = id
        .kind
        .columns()
        .iter()
        .filter(|c| !header.matches.iter().any(|m| m.column == c.name))
        .map(|c| c.name.to_string())
        .collect();
    if report.columns_absent.iter().any(|c| c == "kommunenummer") {
        report.notes.push(match &config.kommunenummer {
            Some(k) => tr!(lang, "note-kommunenummer-from-config", knr = k),
            None => tr!(lang, "note-kommunenummer-missing"),
        });
    }
    // Every byte has passed through the reader by now (a streamed export) or was read
    // whole (a workbook); `finish` reads whatever was not.
    if hash {
        report.sha256 = loaded.hash.finish(path).ok();
    }
    report.rows_read = processed.read;
    report.rows_rejected = processed.rejected;
    report.rows_kept = processed.kept;
    report.warnings = processed
        .dq
        .iter()
        .filter(|d| d.severity == crate::i18n::Severity::Warning)
        .count();
    (report, Some((id.kind, processed, survey_cb)))
}

/// The spec reads the first visible sheet that matches; say so when later sheets match
/// too, so that nothing is left out without the user knowing.
fn note_other_matching_sheets(
    report: &mut FileReport,
    loaded: &load::Loaded,
    id: &identify::Identified,
    config: &Config,
    cb: &Codebook,
) {
    for g in loaded.grids.iter().skip(id.found.grid + 1) {
        if identify::find_in_grids(std::slice::from_ref(g), id.kind, config, cb).is_ok() {
            let name = g.sheet.clone().unwrap_or_default();
            report
                .notes
                .push(tr!(config.language, "note-other-sheet", sheet = name));
        }
    }
}

/// Stack frames with possibly different extra columns (missing ones become null).
fn stack(frames: Vec<DataFrame>) -> PolarsResult<DataFrame> {
    let mut names: Vec<PlSmallStr> = Vec::new();
    let mut types: BTreeMap<PlSmallStr, DataType> = BTreeMap::new();
    for f in &frames {
        for c in f.columns() {
            if !types.contains_key(c.name()) {
                names.push(c.name().clone());
                types.insert(c.name().clone(), c.dtype().clone());
            }
        }
    }
    let mut out: Option<DataFrame> = None;
    for f in frames {
        let h = f.height();
        let cols: Vec<Column> = names
            .iter()
            .map(|n| match f.column(n) {
                Ok(c) => c.clone(),
                Err(_) => Column::full_null(n.clone(), h, &types[n]),
            })
            .collect();
        let f = DataFrame::new(h, cols)?;
        match &mut out {
            None => out = Some(f),
            Some(o) => {
                o.vstack_mut_owned(f)?;
            }
        }
    }
    // The chunks are left as they are: making each column one array copied every table
    // (the peak of ingestion: +250 MB national) and made the analyses no faster; polars
    // reads chunked columns as they are.
    Ok(out.unwrap_or_default())
}
