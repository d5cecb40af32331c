//! Ingestion: from the files in a project folder to canonical tables plus the
//! data-quality table, losing nothing (01-inputs.md).
//!
//! Flow per file: read bytes (read-only) → grid (`text`, `sheet`, `parquet`) → which
//! source it is (config, then file/folder name, then headers) → header row and column
//! matching (`headers`, `table`) → values and rules (`values`, `rules`, `survey`) →
//! typed columns. Files of one source are stacked into one table.

pub mod grid;
pub mod headers;
pub mod parquet;
pub mod quality;
pub mod rules;
pub mod schema;
pub mod sheet;
pub mod survey;
pub mod table;
pub mod text;
pub mod values;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use grid::Grid;
use polars::prelude::*;
use quality::DqRow;
use schema::SourceKind;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use survey::Codebook;
use table::{ColumnMatch, FileCtx, HeaderMiss};

/// File extensions read as data.
pub const DATA_EXTENSIONS: &[&str] =
    &["csv", "txt", "tsv", "xlsx", "xlsm", "xls", "ods", "parquet"];

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

/// List the data files of a project folder: the config's files, else every data file
/// below the folder (sorted; hidden files, Excel lock files `~$…`, the output folder and
/// sub-folders that are projects of their own are skipped).
pub fn discover(root: &Path, config: &Config) -> Result<Vec<(PathBuf, Option<SourceKind>)>> {
    let mut out: Vec<(PathBuf, Option<SourceKind>)> = Vec::new();
    let mut explicit = std::collections::BTreeSet::new();
    for (name, sc) in &config.sources {
        let kind = SourceKind::parse(name);
        for f in &sc.files {
            let p = root.join(f);
            if !p.is_file() {
                let (f, r) = (f.display(), root.display());
                return Err(Error::Config {
                    file: root.join(crate::config::CONFIG_FILE),
                    message: match config.language {
                        Lang::En => format!(
                            "ikrapport.toml names the file «{f}» under [sources.{name}], but it does not exist in {r}"
                        ),
                        Lang::Nn => format!(
                            "ikrapport.toml nemner fila «{f}» under [sources.{name}], men ho finst ikkje i {r}"
                        ),
                        Lang::Nb => format!(
                            "ikrapport.toml nevner fila «{f}» under [sources.{name}], men den finnes ikke i {r}"
                        ),
                    },
                });
            }
            explicit.insert(p.clone());
            out.push((p, kind));
        }
    }
    let mut found = Vec::new();
    walk(root, root, &mut found)?;
    found.sort();
    for p in found {
        if !explicit.contains(&p) {
            out.push((p, None));
        }
    }
    Ok(out)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::io(format!("kunne ikke lese mappa {}", dir.display()), e))?;
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        if p.is_dir() {
            if dir == root && (name == "out" || name == "target") {
                continue;
            }
            // Sub-projects and report bundles are not inputs.
            if p.join(crate::config::CONFIG_FILE).exists() || p.join(crate::bundle::MARKER).exists()
            {
                continue;
            }
            walk(root, &p, out)?;
        } else if let Some(ext) = p.extension().and_then(|x| x.to_str()) {
            if DATA_EXTENSIONS.contains(&ext.to_lowercase().as_str()) {
                out.push(p);
            }
        }
    }
    Ok(())
}

/// The sources a path names (file name first, then folders).
pub fn kinds_by_name(rel: &Path) -> Vec<SourceKind> {
    let tokens = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect()
    };
    // A word at the start of a token ("modenhet…") beats a word inside one ("mod-enhet").
    let hits = |toks: &[String]| -> Vec<SourceKind> {
        let at_start: Vec<SourceKind> = SourceKind::ALL
            .into_iter()
            .filter(|k| {
                k.name_words()
                    .iter()
                    .any(|w| toks.iter().any(|t| t.starts_with(w)))
            })
            .collect();
        if !at_start.is_empty() {
            return at_start;
        }
        SourceKind::ALL
            .into_iter()
            .filter(|k| {
                k.name_words()
                    .iter()
                    .any(|w| w.chars().count() >= 5 && toks.iter().any(|t| t.contains(w)))
            })
            .collect()
    };
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let by_stem = hits(&tokens(&stem));
    if !by_stem.is_empty() {
        return by_stem;
    }
    let mut by_dir = Vec::new();
    for comp in rel.parent().into_iter().flat_map(|p| p.components()).rev() {
        let h = hits(&tokens(&comp.as_os_str().to_string_lossy()));
        if !h.is_empty() {
            by_dir = h;
            break;
        }
    }
    by_dir
}

/// The grids of a file and what was detected about its format.
struct Loaded {
    grids: Vec<Grid>,
    format: String,
    encoding: Option<&'static str>,
    delimiter: Option<String>,
}

fn load(
    path: &Path,
    label: &str,
    lang: Lang,
    sheet: Option<&str>,
) -> std::result::Result<Loaded, String> {
    let bytes = std::fs::read(path).map_err(|e| {
        format!(
            "{} «{label}»: {e}",
            lang.pick(
                "Kunne ikke lese fila",
                "Kunne ikkje lese fila",
                "Could not read the file"
            )
        )
    })?;
    let ext = path
        .extension()
        .and_then(|x| x.to_str())
        .unwrap_or("")
        .to_lowercase();
    if bytes.is_empty() {
        return Err(format!(
            "{} «{label}» {}",
            lang.pick("Fila", "Fila", "The file"),
            lang.pick(
                "er tom (0 byte).",
                "er tom (0 byte).",
                "is empty (0 bytes)."
            )
        ));
    }
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => {
            let mut wb =
                sheet::Workbook::open(bytes, &ext).map_err(|e| sheet_error(e, label, lang))?;
            let sheets = wb.sheets();
            let names: Vec<String> = match sheet {
                Some(s) => {
                    if !sheets.iter().any(|x| x.name == s) {
                        return Err(match lang {
                            Lang::En => format!(
                                "The file «{label}» has no sheet «{s}» (named in ikrapport.toml). Its sheets are: {}.",
                                sheets
                                    .iter()
                                    .map(|x| x.name.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                            _ => format!(
                                "Fila «{label}» har ikke arket «{s}» (som ikrapport.toml nevner). Arkene er: {}.",
                                sheets
                                    .iter()
                                    .map(|x| x.name.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        });
                    }
                    vec![s.to_string()]
                }
                None => sheets
                    .iter()
                    .filter(|s| s.visible)
                    .map(|s| s.name.clone())
                    .collect(),
            };
            let mut grids = Vec::new();
            for n in names {
                grids.push(wb.grid(&n).map_err(|e| sheet_error(e, label, lang))?);
            }
            if grids.iter().all(|g| g.is_empty()) {
                return Err(sheet_error(sheet::SheetError::NoSheets, label, lang));
            }
            Ok(Loaded {
                grids,
                format: ext,
                encoding: None,
                delimiter: None,
            })
        }
        "parquet" => {
            let g = parquet::read(bytes).map_err(|e| {
                format!(
                    "{} «{label}» {}: {e}",
                    lang.pick("Fila", "Fila", "The file"),
                    lang.pick(
                        "er ikke en lesbar Parquet-fil",
                        "er ikkje ei lesbar Parquet-fil",
                        "is not a readable Parquet file"
                    )
                )
            })?;
            Ok(Loaded {
                grids: vec![g],
                format: ext,
                encoding: None,
                delimiter: None,
            })
        }
        _ => {
            let (g, fmt) = text::read(&bytes).map_err(|e| match e {
                text::TextError::Empty => format!(
                    "{} «{label}» {}",
                    lang.pick("Fila", "Fila", "The file"),
                    lang.pick("er tom.", "er tom.", "is empty.")
                ),
                text::TextError::TooLarge => format!(
                    "{} «{label}» {}",
                    lang.pick("Fila", "Fila", "The file"),
                    lang.pick(
                        "har mer enn 4 GiB tekst; del den opp (f.eks. ett år per fil).",
                        "har meir enn 4 GiB tekst; del ho opp (t.d. eitt år per fil).",
                        "has more than 4 GiB of text; split it (e.g. one year per file)."
                    )
                ),
                text::TextError::Binary => match lang {
                    Lang::En => format!("The file «{label}» is not a text (CSV) file: it holds binary data. Is it a spreadsheet with the wrong extension?"),
                    Lang::Nn => format!("Fila «{label}» er ikkje ei tekstfil (CSV): ho inneheld binære data. Er det eit rekneark med feil filending?"),
                    Lang::Nb => format!("Fila «{label}» er ikke en tekstfil (CSV): den inneholder binære data. Er det et regneark med feil filendelse?"),
                },
            })?;
            let delim = match fmt.delimiter {
                '\t' => "tab".to_string(),
                c => c.to_string(),
            };
            Ok(Loaded {
                grids: vec![g],
                format: ext,
                encoding: Some(fmt.encoding),
                delimiter: Some(delim),
            })
        }
    }
}

fn sheet_error(e: sheet::SheetError, label: &str, lang: Lang) -> String {
    match (e, lang) {
        (sheet::SheetError::Encrypted, Lang::En) => format!(
            "The file «{label}» is password-protected (encrypted). Open it in Excel, remove the password (File → Info → Protect workbook) and save it again."
        ),
        (sheet::SheetError::Encrypted, _) => format!(
            "Fila «{label}» er passordbeskyttet (kryptert). Åpne den i Excel, fjern passordet (Fil → Informasjon → Beskytt arbeidsbok) og lagre den på nytt."
        ),
        (sheet::SheetError::NotASpreadsheet, Lang::En) => format!(
            "The file «{label}» is not a spreadsheet, although its name says so. Save it again from Excel as .xlsx, or as CSV."
        ),
        (sheet::SheetError::NotASpreadsheet, _) => format!(
            "Fila «{label}» er ikke et regneark, selv om navnet sier det. Lagre den på nytt fra Excel som .xlsx, eller som CSV."
        ),
        (sheet::SheetError::Damaged(m), Lang::En) => format!(
            "The file «{label}» is damaged or incomplete (perhaps cut off when copied): {m}. Export it again."
        ),
        (sheet::SheetError::Damaged(m), _) => format!(
            "Fila «{label}» er skadet eller ufullstendig (kanskje avkuttet under kopiering): {m}. Eksporter den på nytt."
        ),
        (sheet::SheetError::NoSheets, Lang::En) => {
            format!("The file «{label}» has no sheet with any cells.")
        }
        (sheet::SheetError::NoSheets, _) => format!("Fila «{label}» har ingen ark med innhold."),
    }
}

/// The message for a file whose header lacks required columns.
fn missing_columns_message(
    label: &str,
    sheet: Option<&str>,
    kind: SourceKind,
    miss: &HeaderMiss,
    lang: Lang,
) -> String {
    let aliases = |name: &str| -> String {
        kind.columns()
            .iter()
            .find(|c| c.name == name)
            .and_then(|c| c.aliases.first())
            .map(|a| headers::capitalize(a))
            .unwrap_or_else(|| name.to_string())
    };
    let missing: Vec<String> = miss
        .missing
        .iter()
        .map(|m| format!("«{}»", aliases(m)))
        .collect();
    let found = if miss.found.is_empty() {
        lang.pick("ingen overskrifter", "ingen overskrifter", "no headers")
            .to_string()
    } else {
        miss.found
            .iter()
            .filter(|h| !h.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    };
    let row = miss
        .row_number
        .map(|r| r.to_string())
        .unwrap_or_else(|| "–".into());
    let sheet_txt = sheet
        .map(|s| format!(" ({} «{s}»)", lang.pick("ark", "ark", "sheet")))
        .unwrap_or_default();
    let mut msg = match lang {
        Lang::En => format!(
            "The file «{label}»{sheet_txt} cannot be used as {}: the required column {} was not found among the first {} rows. Headers found (row {row}): {found}.",
            kind.table_name(),
            missing.join(" and "),
            table::HEADER_SEARCH_ROWS
        ),
        Lang::Nn => format!(
            "Fila «{label}»{sheet_txt} kan ikkje brukast som {}: fann ikkje den påkravde kolonnen {} i dei første {} radene. Overskrifter som vart funne (rad {row}): {found}.",
            kind.display_nb(),
            missing.join(" og "),
            table::HEADER_SEARCH_ROWS
        ),
        Lang::Nb => format!(
            "Fila «{label}»{sheet_txt} kan ikke brukes som {}: fant ikke den påkrevde kolonnen {} i de første {} radene. Overskrifter som ble funnet (rad {row}): {found}.",
            kind.display_nb(),
            missing.join(" og "),
            table::HEADER_SEARCH_ROWS
        ),
    };
    for (found, alias) in &miss.suggestions {
        msg.push_str(&match lang {
            Lang::En => format!(" Found «{found}» – did you mean «{alias}»?"),
            Lang::Nn => format!(" Fann «{found}» – meinte du «{alias}»?"),
            Lang::Nb => format!(" Fant «{found}» – mente du «{alias}»?"),
        });
    }
    msg.push_str(match lang {
        Lang::En => " Correct the header in the file, or add it as an alias in ikrapport.toml under [aliases].",
        Lang::Nn => " Rett overskrifta i fila, eller legg ho til som alias i ikrapport.toml under [aliases].",
        Lang::Nb => " Rett overskriften i fila, eller legg den til som alias i ikrapport.toml under [aliases].",
    });
    msg
}

/// The codebook for a survey file.
fn codebook_for(root: &Path, path: &Path, config: &Config) -> Result<(Codebook, String)> {
    let read = |p: &Path| -> Result<(Codebook, String)> {
        let text = std::fs::read_to_string(p).map_err(|e| Error::Config {
            file: p.to_path_buf(),
            message: format!(
                "{} {}: {e}",
                config.language.pick(
                    "Kunne ikke lese kodeboken",
                    "Kunne ikkje lese kodeboka",
                    "Could not read the codebook"
                ),
                p.display()
            ),
        })?;
        let rel = p.strip_prefix(root).unwrap_or(p).display().to_string();
        Ok((Codebook::parse(&text, p, config.language)?, rel))
    };
    if let Some(cb) = &config.survey.codebook {
        return read(&root.join(cb));
    }
    if let Some(dir) = path.parent() {
        let mut cands: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        cands.sort();
        for c in cands {
            let n = c
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if n.ends_with(".toml") && (n.contains("kodebok") || n.contains("codebook")) {
                return read(&c);
            }
        }
    }
    Ok((Codebook::default_ros(), "(innebygd: ros-praksis)".into()))
}

/// A header found for one kind in one of the grids.
struct Found {
    grid: usize,
    header: table::Header,
}

fn find_in_grids(
    grids: &[Grid],
    kind: SourceKind,
    config: &Config,
    cb: Option<&Codebook>,
) -> std::result::Result<Found, (usize, HeaderMiss)> {
    let extra_cfg = |col: &str| config.extra_aliases(kind.table_name(), col);
    let mut best: Option<(usize, HeaderMiss)> = None;
    for (gi, g) in grids.iter().enumerate() {
        let res = match (kind, cb) {
            (SourceKind::Survey, Some(cb)) => {
                let extra = survey::respondent_aliases(cb, config);
                table::find_header(g, kind.columns(), &extra, &|g, i| {
                    survey::has_question_column(cb, g, i)
                })
            }
            _ => table::find_header(g, kind.columns(), &extra_cfg, &|_, _| true),
        };
        match res {
            Ok(header) => return Ok(Found { grid: gi, header }),
            Err(m) => {
                if best.as_ref().is_none_or(|(_, b)| m.matched > b.matched) {
                    best = Some((gi, m));
                }
            }
        }
    }
    Err(best.unwrap_or((
        0,
        HeaderMiss {
            row_number: None,
            found: vec![],
            missing: vec![],
            suggestions: vec![],
            matched: 0,
        },
    )))
}

/// Ingest every file of a project folder.
pub fn ingest(root: &Path, config: &Config) -> Result<Ingested> {
    let lang = config.language;
    let files = discover(root, config)?;
    if files.is_empty() {
        return Err(Error::UnusableFile {
            file: root.to_path_buf(),
            message: match lang {
                Lang::En => format!(
                    "Found no data files (.csv, .xlsx, .parquet …) in the folder {}. Run `ikrapport init {}` for examples of each file.",
                    root.display(),
                    root.display()
                ),
                Lang::Nn => format!(
                    "Fann ingen datafiler (.csv, .xlsx, .parquet …) i mappa {}. Køyr `ikrapport init {}` for døme på kvar fil.",
                    root.display(),
                    root.display()
                ),
                Lang::Nb => format!(
                    "Fant ingen datafiler (.csv, .xlsx, .parquet …) i mappa {}. Kjør `ikrapport init {}` for eksempler på hver fil.",
                    root.display(),
                    root.display()
                ),
            },
        });
    }
    let mut reports = Vec::new();
    let mut dq = Vec::new();
    let mut parts: BTreeMap<SourceKind, Vec<DataFrame>> = BTreeMap::new();
    let mut codebooks: Vec<Codebook> = Vec::new();
    for (path, explicit) in files {
        let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        let label = rel.display().to_string();
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let mut report = FileReport {
            file: label.clone(),
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
            bytes,
            error: None,
            notes: vec![],
            millis: 0,
        };
        let started = std::time::Instant::now();
        let sheet_cfg = explicit
            .and_then(|k| {
                config
                    .sources
                    .iter()
                    .find(|(n, _)| SourceKind::parse(n) == Some(k))
            })
            .and_then(|(_, s)| s.sheet.clone());
        let loaded = match load(&path, &label, lang, sheet_cfg.as_deref()) {
            Ok(l) => l,
            Err(m) => {
                report.error = Some(m);
                reports.push(report);
                continue;
            }
        };
        report.format = loaded.format.clone();
        report.encoding = loaded.encoding;
        report.delimiter = loaded.delimiter.clone();
        let cb = codebook_for(root, &path, config)?;
        // Which source: config, else name, else headers.
        let candidates: Vec<SourceKind> = match explicit {
            Some(k) => vec![k],
            None => kinds_by_name(&rel),
        };
        let (kind, found) = if candidates.len() == 1 {
            let k = candidates[0];
            report.detected_by.get_or_insert("name");
            match find_in_grids(&loaded.grids, k, config, Some(&cb.0)) {
                Ok(f) => (k, f),
                Err((gi, miss)) => {
                    report.source = Some(k);
                    report.error = Some(missing_columns_message(
                        &label,
                        loaded.grids[gi].sheet.as_deref(),
                        k,
                        &miss,
                        lang,
                    ));
                    reports.push(report);
                    continue;
                }
            }
        } else {
            let pool: Vec<SourceKind> = if candidates.is_empty() {
                SourceKind::ALL.to_vec()
            } else {
                candidates
            };
            let mut fits: Vec<(usize, SourceKind, Found)> = Vec::new();
            for k in pool.iter().copied() {
                if let Ok(f) = find_in_grids(&loaded.grids, k, config, Some(&cb.0)) {
                    let n = f
                        .header
                        .matches
                        .iter()
                        .filter(|m| m.role == "canonical")
                        .count()
                        + if k == SourceKind::Survey { 2 } else { 0 };
                    fits.push((n, k, f));
                }
            }
            fits.sort_by_key(|f| std::cmp::Reverse(f.0));
            match fits.len() {
                0 => {
                    report.error = Some(match lang {
                        Lang::En => format!(
                            "Could not tell which source the file «{label}» is: its name does not say (avvik, ros, tilsyn, …) and its headers do not match the required columns of any source. Rename the file, or name it under [sources] in ikrapport.toml."
                        ),
                        Lang::Nn => format!(
                            "Kunne ikkje sjå kva kjelde fila «{label}» er: namnet seier det ikkje (avvik, ros, tilsyn, …), og overskriftene passar ikkje med dei påkravde kolonnane til nokon kjelde. Gje fila nytt namn, eller nemn ho under [sources] i ikrapport.toml."
                        ),
                        Lang::Nb => format!(
                            "Kunne ikke se hvilken kilde fila «{label}» er: navnet sier det ikke (avvik, ros, tilsyn, …), og overskriftene passer ikke med de påkrevde kolonnene til noen kilde. Gi fila et nytt navn, eller nevn den under [sources] i ikrapport.toml."
                        ),
                    });
                    reports.push(report);
                    continue;
                }
                n if n > 1 && fits[0].0 == fits[1].0 => {
                    let names = format!("{} / {}", fits[0].1.table_name(), fits[1].1.table_name());
                    report.error = Some(match lang {
                        Lang::En => format!(
                            "The file «{label}» fits more than one source equally well ({names}). Name it under [sources] in ikrapport.toml."
                        ),
                        Lang::Nn => format!(
                            "Fila «{label}» passar like godt til fleire kjelder ({names}). Nemn ho under [sources] i ikrapport.toml."
                        ),
                        Lang::Nb => format!(
                            "Fila «{label}» passer like godt til flere kilder ({names}). Nevn den under [sources] i ikrapport.toml."
                        ),
                    });
                    reports.push(report);
                    continue;
                }
                _ => {
                    let (_, k, f) = fits.remove(0);
                    report.detected_by = Some(if explicit.is_some() {
                        "config"
                    } else {
                        "headers"
                    });
                    (k, f)
                }
            }
        };
        report.source = Some(kind);
        // The spec reads the first visible sheet that matches; say so when later sheets
        // match too, so that nothing is left out without the user knowing.
        for g in loaded.grids.iter().skip(found.grid + 1) {
            if find_in_grids(std::slice::from_ref(g), kind, config, Some(&cb.0)).is_ok() {
                let name = g.sheet.clone().unwrap_or_default();
                report.notes.push(match lang {
                    Lang::En => format!("The sheet «{name}» also has the right headers but was not read (only the first matching sheet is). Name the sheet under [sources] in ikrapport.toml to read it instead."),
                    Lang::Nn => format!("Arket «{name}» har òg rette overskrifter, men vart ikkje lese (berre det første arket som passar, blir lese). Nemn arket under [sources] i ikrapport.toml for å lese det i staden."),
                    Lang::Nb => format!("Arket «{name}» har også riktige overskrifter, men ble ikke lest (bare det første arket som passer, leses). Nevn arket under [sources] i ikrapport.toml for å lese det i stedet."),
                });
            }
        }
        let grid = &loaded.grids[found.grid];
        report.sheet = grid.sheet.clone();
        let mut header = found.header;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let ctx = FileCtx {
            source: kind,
            config,
            label: label.clone(),
            stem,
            sheet: grid.sheet.clone(),
        };
        let processed = if kind == SourceKind::Survey {
            report.codebook = Some(cb.1.clone());
            if !codebooks.iter().any(|c: &Codebook| c.survey == cb.0.survey) {
                codebooks.push(cb.0.clone());
            }
            let qcols = survey::question_columns(&cb.0, &mut header);
            survey::process(grid, &header, &qcols, &cb.0, &ctx)
        } else {
            table::process(grid, &header, &ctx)
        };
        report.header_row = Some(header.row_number);
        report.columns = header.matches.clone();
        report.columns_absent = kind
            .columns()
            .iter()
            .filter(|c| !header.matches.iter().any(|m| m.column == c.name))
            .map(|c| c.name.to_string())
            .collect();
        if report.columns_absent.iter().any(|c| c == "kommunenummer") {
            report.notes.push(match (&config.kommunenummer, lang) {
                (Some(k), Lang::En) => format!("The file has no kommunenummer column; {k} from ikrapport.toml is used."),
                (Some(k), Lang::Nn) => format!("Fila har ingen kolonne for kommunenummer; {k} frå ikrapport.toml er brukt."),
                (Some(k), Lang::Nb) => format!("Fila har ingen kolonne for kommunenummer; {k} fra ikrapport.toml er brukt."),
                (None, Lang::En) => "Neither the file nor ikrapport.toml gives a kommunenummer; the analyses use 0000. Set kommunenummer in ikrapport.toml.".into(),
                (None, Lang::Nn) => "Verken fila eller ikrapport.toml gjev kommunenummer; analysane brukar 0000. Set kommunenummer i ikrapport.toml.".into(),
                (None, Lang::Nb) => "Verken fila eller ikrapport.toml gir kommunenummer; analysene bruker 0000. Sett kommunenummer i ikrapport.toml.".into(),
            });
        }
        report.rows_read = processed.read;
        report.rows_rejected = processed.rejected;
        report.rows_kept = processed.read - processed.rejected;
        report.warnings = processed
            .dq
            .iter()
            .filter(|d| d.severity == crate::i18n::Severity::Warning)
            .count();
        dq.extend(processed.dq);
        parts.entry(kind).or_default().push(processed.df);
        report.millis = started.elapsed().as_millis() as u64;
        reports.push(report);
    }
    let mut tables = BTreeMap::new();
    for (k, frames) in parts {
        tables.insert(
            k,
            stack(frames).map_err(|e| {
                Error::polars(
                    format!("kunne ikke slå sammen filene for {}", k.table_name()),
                    e,
                )
            })?,
        );
    }
    Ok(Ingested {
        tables,
        files: reports,
        data_quality: dq,
        lang,
        codebooks,
    })
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
    let mut df = out.unwrap_or_default();
    df.rechunk_mut();
    Ok(df)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_and_folder_names_decide_the_source() {
        assert_eq!(
            kinds_by_name(Path::new("avvik 2021-2025.csv")),
            vec![SourceKind::Deviations]
        );
        assert_eq!(
            kinds_by_name(Path::new("ROS-register.xlsx")),
            vec![SourceKind::Risks]
        );
        assert_eq!(
            kinds_by_name(Path::new("Risikoregister_2025.xlsx")),
            vec![SourceKind::Risks]
        );
        assert_eq!(
            kinds_by_name(Path::new("spørreundersøkelse.csv")),
            vec![SourceKind::Survey]
        );
        assert_eq!(
            kinds_by_name(Path::new("enheter.xlsx")),
            vec![SourceKind::Units]
        );
        assert_eq!(
            kinds_by_name(Path::new("internrevisjon/2024.csv")),
            vec![SourceKind::Inspections]
        );
        assert_eq!(
            kinds_by_name(Path::new("kommuner.csv")),
            vec![SourceKind::Municipalities]
        );
        assert_eq!(
            kinds_by_name(Path::new("modenhet.xlsx")),
            vec![SourceKind::Maturity]
        );
        assert_eq!(kinds_by_name(Path::new("eksport.csv")), vec![]);
    }
}
