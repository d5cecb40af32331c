//! From a file's bytes to its grids: one per visible sheet of a workbook, one for a text
//! or Parquet file, with what was detected (format, encoding, delimiter). A file that
//! cannot be read gives one user-facing paragraph saying why and what to do.

use super::grid::Grid;
use super::{parquet, sheet, text};
use crate::digest::{Hashing, Running};
use crate::i18n::Lang;
use std::path::Path;

/// The grids of a file and what was detected about its format.
pub struct Loaded {
    pub grids: Vec<Grid>,
    pub format: String,
    pub encoding: Option<&'static str>,
    pub delimiter: Option<String>,
    /// The records of a text file after the first chunk (which is `grids[0]`), read on
    /// demand so that a large export is never held whole.
    pub rest: Option<text::TextReader<Hashing<std::fs::File>>>,
    /// The file's SHA-256 as far as it has been read (the manifest's, without a second
    /// read of the file).
    pub hash: Running,
}

/// Read a file (read-only). `sheet` is the sheet named in the config, if any; with
/// `hash`, the bytes read are hashed on the way ([`Loaded::hash`]).
pub fn load(
    path: &Path,
    label: &str,
    lang: Lang,
    sheet: Option<&str>,
    hash: bool,
) -> std::result::Result<Loaded, String> {
    let unreadable =
        |e: std::io::Error| tr!(lang, "file-unreadable", file = label, why = e.to_string());
    let ext = path
        .extension()
        .and_then(|x| x.to_str())
        .unwrap_or("")
        .to_lowercase();
    let file = std::fs::File::open(path).map_err(unreadable)?;
    if file.metadata().map_err(unreadable)?.len() == 0 {
        return Err(tr!(lang, "file-empty-bytes", file = label));
    }
    if !matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods" | "parquet") {
        return load_text(file, ext, label, lang, hash);
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    let hash = if hash {
        Running::of(&bytes)
    } else {
        Running::default()
    };
    match ext.as_str() {
        "parquet" => {
            let g = parquet::read(bytes).map_err(|e| match e {
                parquet::ParquetError::TooLarge => tr!(lang, "file-too-large", file = label),
                parquet::ParquetError::Unreadable(why) => {
                    tr!(lang, "file-not-parquet", file = label, why = why)
                }
            })?;
            Ok(Loaded {
                grids: vec![g],
                format: ext,
                encoding: None,
                delimiter: None,
                rest: None,
                hash,
            })
        }
        _ => load_workbook(bytes, &ext, label, lang, sheet).map(|l| Loaded { hash, ..l }),
    }
}

/// A delimited text file: its first chunk as the grid to identify, the rest to stream.
fn load_text(
    file: std::fs::File,
    ext: String,
    label: &str,
    lang: Lang,
    hash: bool,
) -> std::result::Result<Loaded, String> {
    let why = |e| text_error(e, label, lang);
    let (file, hash) = Hashing::new(file, hash);
    let (mut reader, fmt) = text::TextReader::open(file).map_err(why)?;
    let head = reader
        .next_chunk(text::CHUNK_ROWS)
        .map_err(why)?
        .unwrap_or_default();
    let delim = match fmt.delimiter {
        '\t' => "tab".to_string(),
        c => c.to_string(),
    };
    Ok(Loaded {
        grids: vec![Grid::text(head)],
        format: ext,
        encoding: Some(fmt.encoding),
        delimiter: Some(delim),
        rest: Some(reader),
        hash,
    })
}

fn load_workbook(
    bytes: Vec<u8>,
    ext: &str,
    label: &str,
    lang: Lang,
    sheet: Option<&str>,
) -> std::result::Result<Loaded, String> {
    let mut wb = sheet::Workbook::open(bytes, ext).map_err(|e| sheet_error(e, label, lang))?;
    let sheets = wb.sheets();
    let names: Vec<String> = match sheet {
        Some(s) => {
            if !sheets.iter().any(|x| x.name == s) {
                let all = sheets
                    .iter()
                    .map(|x| x.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(tr!(
                    lang,
                    "file-no-such-sheet",
                    file = label,
                    sheet = s,
                    sheets = all
                ));
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
        format: ext.to_string(),
        encoding: None,
        delimiter: None,
        rest: None,
        hash: Running::default(),
    })
}

fn sheet_error(e: sheet::SheetError, label: &str, lang: Lang) -> String {
    match e {
        sheet::SheetError::Encrypted => tr!(lang, "file-encrypted", file = label),
        sheet::SheetError::NotASpreadsheet => tr!(lang, "file-not-spreadsheet", file = label),
        sheet::SheetError::Damaged(m) => tr!(lang, "file-damaged", file = label, why = m),
        sheet::SheetError::NoSheets => tr!(lang, "file-no-sheets", file = label),
    }
}

/// Why a text file could not be read, for the user.
pub fn text_error(e: text::TextError, label: &str, lang: Lang) -> String {
    match e {
        text::TextError::Empty => tr!(lang, "file-empty", file = label),
        text::TextError::TooLarge => tr!(lang, "file-too-large", file = label),
        text::TextError::Binary => tr!(lang, "file-binary", file = label),
        text::TextError::Unreadable(e) => tr!(lang, "file-unreadable", file = label, why = e),
    }
}
